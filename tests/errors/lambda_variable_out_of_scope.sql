-- expect: 5:51: cannot resolve column 'x' (available: time, n, xs)
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT transform(xs, x -> x + 1), x FROM events;
