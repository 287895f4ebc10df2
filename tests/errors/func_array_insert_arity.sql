-- expect: 5:24: function 'array_insert' takes 3 arguments, but 2 were given
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, e ARRAY<STRUCT<k: STRING, v: INT, w: INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_insert(a, 1) FROM events;
