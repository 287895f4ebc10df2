-- Update mode: after each file, only the 30-minute windows whose count of Open actions changed.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT window(time, '30 minutes') AS window, count(*) AS opens
FROM events
WHERE action = 'Open'
GROUP BY window(time, '30 minutes')
WITH (name = 'opens', outputMode = 'update');
