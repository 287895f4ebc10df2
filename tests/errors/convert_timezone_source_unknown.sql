-- expect: 4:39: Unknown time-zone ID: Europe/Pariss
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('Europe/Pariss', 'UTC', n) AS c FROM e;
