-- expect: 6:48: Cannot resolve column name "usr" among (time, user_id, action).
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM events DROP DUPLICATES (user_id, usr);
