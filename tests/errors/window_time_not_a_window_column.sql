-- expect: 6:14: The input is not a correct window column: $windowTime
CREATE SOURCE events (time TIMESTAMP, w STRUCT<start: TIMESTAMP, end: TIMESTAMP>, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT time, window_time(w) AS t FROM events;
