-- expect: 5:59: invalid trigger 'every 5 seconds' (expected 'once', 'availableNow', 'default' or an interval such as '5 seconds'): unrecognized number at 'every'
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WITH (trigger = 'every 5 seconds');
