-- expect: 5:24: function 'url_decode' takes 1 argument, but 2 were given
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT url_decode(s, s) FROM events;
