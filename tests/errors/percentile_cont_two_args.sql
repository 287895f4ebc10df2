-- expect: 5:24: syntax error: percentile_cont(...) WITHIN GROUP takes one percentage: percentile_cont(p) WITHIN GROUP (ORDER BY x)
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT percentile_cont(0.5, 0.2) WITHIN GROUP (ORDER BY n) FROM events GROUP BY s WITH (outputMode = 'complete');
