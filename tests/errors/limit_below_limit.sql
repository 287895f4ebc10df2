-- expect: 5:66: LIMIT over an aggregation with more than projections above it, or below another LIMIT, is not supported yet on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM (SELECT action, n FROM events LIMIT 5) WHERE n > 1 LIMIT 2;
