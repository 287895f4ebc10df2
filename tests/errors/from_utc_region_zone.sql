-- expect: 4:45: Unknown time-zone ID: Europe/Pariss
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT from_utc_timestamp(ts, 'Europe/Pariss') FROM e;
