-- expect: 5:24: function 'json_object_keys' takes 1 argument, but 2 were given
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT json_object_keys(s, s) FROM events;
