-- expect: 5:24: function 'lower' takes 1 argument, but 2 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT lower(action, 'x') FROM events;
