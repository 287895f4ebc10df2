-- Timestamps at the ends of the range.  9223372036854 s is the largest whole second a
-- TIMESTAMP holds: it is read, but its session (time + gap) and its window would end past
-- the range, so the row belongs to no session or window and is dropped (FAILFAST: the query
-- fails naming the value).  One second more does not fit in a TIMESTAMP: the record is
-- malformed (time NULL, line in the corrupt column).  The earliest second is in range.
CREATE SOURCE events (user STRING, time TIMESTAMP, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT user, time, _corrupt_record FROM events WITH (name = 'rows');
INSERT INTO console
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n
FROM events GROUP BY user, session_window(time, '5 minutes') ORDER BY user
WITH (name = 'sessions', outputMode = 'complete');
INSERT INTO console
SELECT window(time, '10 minutes', '5 minutes') AS w, count(*) AS n
FROM events GROUP BY window(time, '10 minutes', '5 minutes') ORDER BY w
WITH (name = 'windows', outputMode = 'complete');
