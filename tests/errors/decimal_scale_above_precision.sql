-- expect: 4:34: decimal scale (3) cannot be greater than precision (2)
CREATE SOURCE events (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(k AS DECIMAL(2, 3)) AS d FROM events;
