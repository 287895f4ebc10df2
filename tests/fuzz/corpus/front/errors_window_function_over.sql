-- expect: 5:32: Non-time-based windows are not supported on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, rank() OVER (PARTITION BY action ORDER BY time) FROM events;
