-- expect: 5:38: invalid regular expression ',(?=x)': lookaround and named groups are not supported near index 1
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT split(action, ',(?=x)') FROM events;
