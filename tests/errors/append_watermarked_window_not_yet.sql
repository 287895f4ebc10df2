-- expect: 7:7: append output mode with an aggregation (windows emitted once the watermark passes them) is not supported yet; use update or complete
CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT window(time, '1 hour') AS w, count(*) AS n FROM events GROUP BY window(time, '1 hour')
WITH (outputMode = 'append');
