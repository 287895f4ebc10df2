-- expect: 5:59: invalid trigger '500 ms' (expected 'once', 'availableNow', 'default' or an interval such as '5 seconds'): invalid unit (units are year, month, week, day, hour, minute, second, millisecond, microsecond, singular or plural) at 'ms'
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WITH (trigger = '500 ms');
