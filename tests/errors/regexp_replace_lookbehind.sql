-- expect: 5:47: invalid regular expression 'a(?<=b+)': lookbehind assertion is not fixed length near index 1
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_replace(action, 'a(?<=b+)', 'x') FROM events;
