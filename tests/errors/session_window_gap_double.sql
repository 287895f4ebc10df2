-- expect: 5:93: Gap duration expression used in session window must be CalendarIntervalType, but got DecimalType(2,1).
CREATE SOURCE events (time TIMESTAMP, user_id STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT user_id, count(*) FROM events GROUP BY user_id, session_window(time, 1.5)
WITH (outputMode = 'complete');
