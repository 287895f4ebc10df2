-- A session window aggregation drops late rows in complete mode too:
-- SessionWindowStateStoreRestoreExec filters its input whatever the output mode (a row whose
-- own session [t, t + gap) ends at or before the previous batch's watermark), while
-- SessionWindowStateStoreSaveExec keeps and prints every session.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, session_window(time, '5 minutes') AS w, count(*) AS count
FROM events
GROUP BY k, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'complete', checkpointLocation = 'chk');
