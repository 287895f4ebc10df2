-- expect: 4:43: Invalid ID for region-based ZoneId, invalid format: Europe/Paris!
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT to_utc_timestamp(ts, 'Europe/Paris!') FROM e;
