-- expect: 5:24: function 'btrim' takes 1 to 2 arguments, but 3 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT btrim(action, 'a', 'b') FROM events;
