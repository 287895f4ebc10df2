-- expect: 6:56: Cannot resolve column name "u" among (time, user_id, action).
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id AS u, time FROM events DROP DUPLICATES (u, time);
