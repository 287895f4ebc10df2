-- expect: 5:24: function 'slice' takes 3 arguments, but 2 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT slice(xs, 1) FROM events;
