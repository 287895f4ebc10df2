-- expect: 5:59: histogram_numeric in a session window aggregation is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, WATERMARK FOR time AS time - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT session_window(time, '5 minutes'), histogram_numeric(n, 3) FROM events GROUP BY session_window(time, '5 minutes'), action WITH (outputMode = 'complete');
