-- expect: 5:66: LIMIT below a WHERE, an aggregation, DROP DUPLICATES, a join, a generator, a window or ORDER BY is not supported yet on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM (SELECT action, n FROM events LIMIT 5) WHERE n > 1;
