-- expect: 4:46: Invalid ID for offset-based ZoneId: GMT+25
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('UTC', 'GMT+25', n) AS c FROM e;
