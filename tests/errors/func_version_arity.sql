-- expect: 5:24: function 'version' takes 0 arguments, but 1 was given
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT version(s) FROM events;
