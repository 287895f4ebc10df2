-- expect: 4:46: function 'convert_timezone' expects a string as argument 2, but 'tz' is of type array<string>
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('UTC', tz, n) AS c FROM e;
