-- expect: 5:24: cannot resolve column 'e.actoin' (available: time, action, n)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT e.actoin FROM events AS e;
