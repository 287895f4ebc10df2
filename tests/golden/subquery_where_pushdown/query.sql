-- A WHERE above a subquery that only projects the source's columns moves below it
-- (PushPredicateThroughNonJoin, case Filter over Project) and on below the watermark like a
-- WHERE over the source: k = 'a' does not read the event time, so the rows it drops do not
-- move the watermark; time < 13:00 stays above it, so its rows do.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(t, '10 minutes') AS w, count(*) AS count
FROM (SELECT time AS t, k FROM events) AS s
WHERE k = 'a' AND t < TIMESTAMP '2024-04-01 13:00:00'
GROUP BY window(t, '10 minutes')
WITH (name = 'counts', outputMode = 'append', checkpointLocation = 'chk');
