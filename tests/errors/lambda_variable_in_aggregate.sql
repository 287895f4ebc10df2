-- expect: 5:47: the lambda variable 'x' cannot be used in an aggregate function
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT transform(xs, x -> sum(x)) FROM events;
