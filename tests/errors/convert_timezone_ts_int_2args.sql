-- expect: 4:49: function 'convert_timezone' expects a timestamp_ntz as argument 2, but 'i' is of type int
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('+01:00', i) AS c FROM e;
