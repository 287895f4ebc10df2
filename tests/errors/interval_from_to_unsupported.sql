-- expect: 5:31: Intervals FROM hour TO day are not supported.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time + INTERVAL '10' HOUR TO DAY FROM events;
