-- The same counts over sliding windows: 1 hour long, starting every 30 minutes (seed 001),
-- so each event counts in two windows.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT action, window(time, '1 hour', '30 minutes') AS window, count(*) AS count
FROM events
GROUP BY action, window(time, '1 hour', '30 minutes')
ORDER BY window, action
WITH (name = 'sliding_counts', outputMode = 'complete');
