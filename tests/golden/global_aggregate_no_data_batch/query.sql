CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) AS opens, max(time) AS last FROM events WHERE action = 'Open'
WITH (outputMode = 'update');
