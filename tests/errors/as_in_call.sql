-- expect: 4:22: syntax error: 'lower' does not take AS (only CAST(x AS type) and TRY_CAST(x AS type) do)
CREATE SOURCE e (d DATE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT lower(d AS STRING) FROM e;
