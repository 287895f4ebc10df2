-- expect: 4:45: Zone offset hours not in valid range: value 19 is not in the range -18 to 18
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT from_utc_timestamp(ts, '+19:00') FROM e;
