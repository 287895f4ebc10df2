-- expect: 6:20: Data source csv does not support Complete output mode
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'csv', header = true);
INSERT INTO out SELECT action, count(*) AS n FROM events GROUP BY action
WITH (outputMode = 'complete', checkpointLocation = 'ck');
