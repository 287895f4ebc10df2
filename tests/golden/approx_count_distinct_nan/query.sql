-- approx_count_distinct of doubles with -0.0, NaN and NULL.
CREATE SOURCE events (k STRING, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, approx_count_distinct(x) AS dx, count(x) AS nx, approx_count_distinct(x * 0) AS z
FROM events GROUP BY k ORDER BY k
WITH (outputMode = 'complete');
