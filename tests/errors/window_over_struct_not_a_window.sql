-- expect: 6:50: The input is not a correct window column: $windowTime
CREATE SOURCE events (time TIMESTAMP, w STRUCT<start: TIMESTAMP, end: TIMESTAMP>, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT count(*) AS n FROM events GROUP BY window(w, '1 hour')
WITH (outputMode = 'complete');
