-- expect: 4:56: function 'convert_timezone' expects a timestamp_ntz as argument 3, but 'i' is of type int
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('UTC', '+01:00', i) AS c FROM e;
