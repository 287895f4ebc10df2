-- expect: 5:63: a grouping set without the session_window key is not supported (Spark 3.5 fails with a NullPointerException merging its NULL sessions): put session_window in every set
CREATE SOURCE ev (a STRING, t TIMESTAMP, WATERMARK FOR t AS t - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a, count(*) FROM ev GROUP BY ROLLUP(a, session_window(t, '5 minutes')) WITH (outputMode = 'append');
