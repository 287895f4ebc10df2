-- FAILFAST: a number of seconds beyond the range of a TIMESTAMP fails the query naming it
-- (Spark's reader would keep a wrapped time).
CREATE SOURCE events (user STRING, time TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json', mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT user, time FROM events;
