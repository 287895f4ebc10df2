-- expect: 7:1: more than one DROP DUPLICATES in a query is not supported yet
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id FROM (SELECT * FROM events DROP DUPLICATES (user_id, time))
DROP DUPLICATES (user_id);
