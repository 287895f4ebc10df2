-- expect: 4:33: function 'round' expects a constant integer (the scale) as argument 2, but 'n' is of type int
CREATE SOURCE events (d DECIMAL(10,2), n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT round(d, n) AS r FROM events;
