-- expect: 4:32: function 'pmod' expects a numeric value as argument 2, but '(n > 0)' is of type boolean
CREATE SOURCE events (d DECIMAL(10,2), n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT pmod(d, n > 0) AS p FROM events;
