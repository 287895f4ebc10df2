-- expect: 5:1: queryName must be specified for memory sink
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK counts WITH (connector = 'memory');
INSERT INTO counts SELECT action, count(*) AS n FROM events GROUP BY action
  WITH (outputMode = 'complete');
