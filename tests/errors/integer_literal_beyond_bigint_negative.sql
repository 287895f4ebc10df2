-- expect: 4:28: integer literal 9223372036854775809 is outside the BIGINT range (Spark reads it as a DECIMAL, which is not supported)
CREATE SOURCE events (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, -9223372036854775809 AS big FROM events;
