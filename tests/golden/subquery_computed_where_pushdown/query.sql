-- A WHERE above a subquery that computes its columns moves below it as well
-- (PushPredicateThroughNonJoin, case Filter over Project: the Project's fields are
-- deterministic, so the condition moves with its aliases replaced, uk = 'A' becoming
-- upper(k) = 'A') and on below the watermark: upper(k) = 'A' does not read the event time, so
-- the rows it drops do not move the watermark; t < 13:00 (t is the event time, t2 computed
-- from it) stays above it, so its rows do.
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(t, '10 minutes') AS w, count(*) AS count
FROM (SELECT time AS t, upper(k) AS uk, time + INTERVAL '1 hour' AS t2 FROM events) AS s
WHERE uk = 'A' AND t2 < TIMESTAMP '2024-04-01 14:00:00'
GROUP BY window(t, '10 minutes')
WITH (name = 'counts', outputMode = 'append', checkpointLocation = 'chk');
