-- FAILFAST: a timestamp whose session would end past the range fails the query, naming it.
CREATE SOURCE events (user STRING, time TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json', mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n
FROM events GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'complete');
