-- expect: 5:22: cannot try_cast 'd' of type DATE to INT; to convert values from DATE to INT, use the function UNIX_DATE instead
-- Cast.canTryCast is canAnsiCast for atomic types: DATE to a number is refused (CAST gives NULL).
CREATE SOURCE e (d DATE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(d AS INT) FROM e;
