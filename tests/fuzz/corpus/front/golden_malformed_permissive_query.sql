-- Malformed lines become all-NULL rows (PERMISSIVE): they count under a NULL action.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, count(*) AS count FROM events GROUP BY action ORDER BY action
WITH (outputMode = 'complete');
