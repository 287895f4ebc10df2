-- expect: 6:35: FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported
CREATE SOURCE events (time TIMESTAMP, k INT, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k INT, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM dim FULL JOIN events ON events.k = dim.k;
