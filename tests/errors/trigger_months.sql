-- expect: 5:59: Doesn't support month or year interval: 1 month
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WITH (trigger = '1 month');
