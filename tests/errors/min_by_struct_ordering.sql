-- expect: 5:42: min_by ordered by a value of type struct<a:int> is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, min_by(n, named_struct('a', n)) FROM events GROUP BY action WITH (outputMode = 'update');
