-- expect: 5:24: function 'greatest' takes at least 2 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT greatest(n) FROM events;
