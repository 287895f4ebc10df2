-- expect: 4:43: Unknown time-zone ID: posix/Europe/Paris
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT to_utc_timestamp(ts, 'posix/Europe/Paris') FROM e;
