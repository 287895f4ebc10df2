-- expect: 6:32: CSV data source does not support struct<lat:double,lon:double> data type.
-- expect: 6:37: CSV data source does not support array<string> data type.
CREATE SOURCE events (action STRING, loc STRUCT<lat DOUBLE, lon DOUBLE>, tags ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events');
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'csv');
INSERT INTO out SELECT action, loc, tags AS t FROM events WITH (checkpointLocation = 'ck');
