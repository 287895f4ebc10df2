-- expect: 5:38: invalid regular expression '[a-z&&[^aeiou]]': character class intersection (&&) is not supported near index 4
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT split(action, '[a-z&&[^aeiou]]') FROM events;
