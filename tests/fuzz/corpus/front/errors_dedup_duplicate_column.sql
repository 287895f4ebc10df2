-- expect: 6:54: duplicate column 'user_id' in DROP DUPLICATES
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM events DROP DUPLICATES (user_id, time, USER_ID);
