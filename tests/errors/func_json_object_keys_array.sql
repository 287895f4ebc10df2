-- expect: 5:41: function 'json_object_keys' expects a string as argument 1, but 'a' is of type array<int>
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT json_object_keys(a) FROM events;
