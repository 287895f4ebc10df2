-- expect: 6:38: FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM events FULL OUTER JOIN dim ON events.k = dim.k;
