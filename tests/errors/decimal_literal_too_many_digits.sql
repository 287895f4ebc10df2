-- expect: 4:24: the number 1234567890123456789012345678901234567.89 has more than 38 digits, the most a DECIMAL holds (Spark's DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION)
CREATE SOURCE events (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT 1234567890123456789012345678901234567.89 AS d FROM events;
