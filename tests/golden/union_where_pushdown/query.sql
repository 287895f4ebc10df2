-- A WHERE over a UNION ALL of two watermarked sources: Spark pushes its deterministic
-- conjuncts into every branch (PushPredicateThroughNonJoin, case Filter over Union), through
-- the branch's Project and, when they do not read the event time, below the branch's
-- EventTimeWatermark: the rows they drop move neither source's watermark.  The query's
-- watermark is the minimum of the two (multipleWatermarkPolicy min).
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (
    t2 TIMESTAMP, k STRING,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(time, '10 seconds') AS w, count(*) AS count
FROM (SELECT time, k FROM events UNION ALL SELECT t2, k FROM events2) AS u
WHERE k = 'a'
GROUP BY window(time, '10 seconds')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
