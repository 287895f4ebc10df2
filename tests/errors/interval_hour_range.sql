-- expect: 5:31: requirement failed: hour 24 outside range [0, 23]
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time + INTERVAL '2 24:00' DAY TO MINUTE FROM events;
