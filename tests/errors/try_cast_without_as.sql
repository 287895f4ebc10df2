-- expect: 4:22: syntax error: try_cast is written TRY_CAST(x AS type)
CREATE SOURCE e (d DATE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(d) FROM e;
