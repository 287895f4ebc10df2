-- expect: 5:24: function 'parse_url' takes 2 to 3 arguments, but 1 was given
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT parse_url(s) FROM events;
