-- expect: 5:26: syntax error: unexpected '->' (a lambda function, x -> ... or (x, y) -> ..., is only allowed as an argument of a higher-order function)
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT x -> x + 1 FROM events;
