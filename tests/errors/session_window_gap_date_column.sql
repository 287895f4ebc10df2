-- expect: 6:82: Gap duration expression used in session window must be CalendarIntervalType, but got DateType.
CREATE SOURCE events (time TIMESTAMP, user_id STRING, d DATE, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events GROUP BY user_id, session_window(time, d)
WITH (outputMode = 'complete');
