-- expect: 4:44: function 'from_utc_timestamp' expects a string as argument 2, but 'tz' is of type array<string>
CREATE SOURCE e (u TIMESTAMP, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT from_utc_timestamp(u, tz) AS f FROM e;
