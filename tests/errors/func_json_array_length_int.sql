-- expect: 5:42: function 'json_array_length' expects a string as argument 1, but 'n' is of type bigint
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT json_array_length(n) FROM events;
