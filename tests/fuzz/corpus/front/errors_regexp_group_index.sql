-- expect: 5:64: regexp_extract: regex group count is 2, but the specified group index is 3
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_extract(action, '(\\w+)-(\\d+)', 3) FROM events;
