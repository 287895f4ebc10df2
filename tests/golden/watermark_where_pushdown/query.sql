-- Spark's optimizer pushes a WHERE conjunct that is deterministic and does not read the
-- event time below the watermark (PushPredicateThroughNonJoin): the rows it drops do not move
-- the watermark.  A conjunct on the event time stays above it: its rows move it.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(time, '10 minutes') AS w, count(*) AS count
FROM events WHERE k = 'a' AND time < TIMESTAMP '2024-04-01 13:00:00'
GROUP BY window(time, '10 minutes')
WITH (name = 'counts', outputMode = 'append', checkpointLocation = 'chk');
