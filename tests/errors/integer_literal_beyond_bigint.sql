-- expect: 4:24: integer literal 9223372036854775808 is outside the BIGINT range (Spark reads it as a DECIMAL, which is not supported)
CREATE SOURCE events (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT 9223372036854775808 + 1 AS big, -9223372036854775808 AS ok FROM events;
