-- expect: 5:30: function 'isnan' expects a numeric value as argument 1, but '(n > 0)' is of type boolean
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT isnan(n > 0) FROM events;
