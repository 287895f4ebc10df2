-- expect: 5:24: syntax error: 'median' does not take WITHIN GROUP (only PERCENTILE_CONT(p) and PERCENTILE_DISC(p) WITHIN GROUP (ORDER BY x) do)
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT median(n) WITHIN GROUP (ORDER BY n) FROM events GROUP BY s WITH (outputMode = 'complete');
