-- Running totals per action and the time span seen so far (seed 001's "total_actions").
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 10);

CREATE SINK console WITH (connector = 'console');

INSERT INTO console
SELECT action, count(*) AS total_actions, min(time) AS first_seen, max(time) AS last_seen
FROM events
GROUP BY action
ORDER BY action
WITH (name = 'totals', outputMode = 'complete');
