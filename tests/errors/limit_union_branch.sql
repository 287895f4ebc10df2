-- expect: 6:42: LIMIT in a branch of UNION ALL is not supported yet on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events UNION ALL
  (SELECT action FROM events WHERE n > 1 LIMIT 2);
