-- A sliding window() projected over a stream without aggregation: a row per window its time
-- falls in (the latest first), none for a NULL or missing time; no state, so no watermark
-- batch runs in between.
CREATE SOURCE events (time TIMESTAMP, user STRING,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, window(time, '30 minutes', '20 minutes') AS w FROM events
WITH (name = 'windows', checkpointLocation = 'chk');
