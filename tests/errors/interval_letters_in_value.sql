-- expect: 5:40: Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: 1 day 2
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time + INTERVAL '1 day 2' HOUR FROM events;
