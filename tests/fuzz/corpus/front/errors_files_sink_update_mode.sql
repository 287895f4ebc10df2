-- expect: 5:68: Data source json does not support Update output mode
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'out');
INSERT INTO out SELECT action, time FROM events WITH (outputMode = 'update',
  checkpointLocation = 'ck');
