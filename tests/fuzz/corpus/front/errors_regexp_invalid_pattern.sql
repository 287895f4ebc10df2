-- expect: 5:47: invalid regular expression '(a|b': Unclosed group near index 4
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_extract(action, '(a|b', 1) FROM events;
