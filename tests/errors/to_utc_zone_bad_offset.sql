-- expect: 4:43: Invalid ID for offset-based ZoneId: GMT+25
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT to_utc_timestamp(ts, 'GMT+25') FROM e;
