-- expect: 5:57: regexp_replace: position expression must be positive, but got: 0
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_replace(action, 'a', 'b', 0) FROM events;
