-- expect: 5:72: percentile_approx in a session window aggregation is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, WATERMARK FOR time AS time - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT session_window(time, '5 minutes') AS s, action, percentile_approx(n, 0.5) FROM events GROUP BY session_window(time, '5 minutes'), action WITH (outputMode = 'append');
