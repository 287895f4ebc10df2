-- expect: 5:39: Intervals FROM hour TO day are not supported.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(action AS INTERVAL HOUR TO DAY) AS x FROM events;
