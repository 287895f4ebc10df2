-- Open and Close actions per 1-hour event-time window (the events notebook, seed 000).
-- One file per micro-batch, in the order the files were written; every batch prints the
-- whole result table so far (complete mode), sorted for a stable display.
CREATE SOURCE events (
    time   TIMESTAMP,
    action STRING
) WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT action, window(time, '1 hour') AS window, count(*) AS count
FROM events
GROUP BY action, window(time, '1 hour')
ORDER BY window, action
WITH (name = 'counts', outputMode = 'complete');
