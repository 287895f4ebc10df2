-- expect: 5:50: function 'percentile_approx' expects a numeric, date or timestamp argument, but '(time > time)' is of type boolean
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(time > time, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
