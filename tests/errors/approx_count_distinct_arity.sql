-- expect: 5:32: function 'approx_count_distinct' takes 1 to 2 arguments, but 3 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, approx_count_distinct(n, 0.1, 2) FROM events GROUP BY action WITH (outputMode = 'update');
