-- expect: 4:45: time zone 'Europe/Paris' is not supported: sluice knows fixed offsets ('+02:00', 'GMT-5'), 'UTC', 'GMT', 'Z' and the Etc/ fixed zones, not region ids whose offset changes with the date
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT from_utc_timestamp(ts, 'Europe/Paris') FROM e;
