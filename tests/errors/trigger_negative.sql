-- expect: 5:59: requirement failed: the interval of trigger should not be negative
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WITH (trigger = '-1 second');
