-- expect: 5:62: requirement failed: HLL++ requires at least 4 bits for addressing. Use a lower error, at most 39%.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, approx_count_distinct(action, 0.4) FROM events GROUP BY action WITH (outputMode = 'update');
