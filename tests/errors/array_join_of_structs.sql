-- expect: 5:35: function 'array_join' expects an array of atomic values as argument 1, but 'st' is of type array<struct<a:int>>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT, st ARRAY<STRUCT<a INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_join(st, ',') FROM events;
