-- expect: 5:26: syntax error: unexpected '->'
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT x -> x + 1 FROM events;
