-- expect: 4:22: function 'convert_timezone' takes 2 to 3 arguments, but 4 were given
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('UTC', 'UTC', n, n) AS c FROM e;
