-- expect: 5:34: function 'array_max' expects an array of atomic values as argument 1, but 'xs' is of type array<struct<a:int>>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<STRUCT<a INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_max(xs) FROM events;
