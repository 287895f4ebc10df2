-- expect: 5:37: Intervals greater than a month is not supported (1 MONTH).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT window(time, INTERVAL '1' MONTH) AS w FROM events;
