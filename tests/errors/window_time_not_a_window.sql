-- expect: 6:28: function 'window_time' expects a window column as argument 1, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, window_time(time) AS t FROM events;
