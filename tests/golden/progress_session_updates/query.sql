-- SessionWindowStateStoreSaveExec's numRowsUpdated counts every session of the batch's keys
-- (StreamingSessionWindowStateManagerImplV1.putRows puts them all), numRowsRemoved the stored
-- sessions whose start is no session's start after the merge.
CREATE SOURCE events (time TIMESTAMP, k STRING)
WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, session_window(time, '10 seconds') AS w, count(*) AS count
FROM events
GROUP BY k, session_window(time, '10 seconds')
WITH (name = 'sessions', outputMode = 'complete', checkpointLocation = 'chk');
