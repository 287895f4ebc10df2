-- expect: 5:56: regexp_replace: invalid replacement '$2': No group 2
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_replace(action, '(\\w)', '$2') FROM events;
