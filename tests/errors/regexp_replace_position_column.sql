-- expect: 5:57: regexp_replace: the position must be a constant (Spark: position expression must be foldable)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_replace(action, 'a', 'b', n) FROM events;
