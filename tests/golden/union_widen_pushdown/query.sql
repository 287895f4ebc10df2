-- A WHERE over a UNION ALL whose branches widen a type (DECIMAL(5,2) and DECIMAL(4,3) to
-- DECIMAL(6,3): every branch's column is cast).  Spark's WidenSetOperationTypes puts a
-- Project of the casts over each branch; PushPredicateThroughNonJoin moves the Filter into
-- every branch (case Filter over Union), through that Project (case Filter over Project:
-- cast(v AS DECIMAL(6,3)) > 0) and, as it does not read the event time, below the branch's
-- EventTimeWatermark: the rows it drops move neither source's watermark.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v DECIMAL(5,2),
    WATERMARK FOR time AS time - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (
    t2 TIMESTAMP, k STRING, v DECIMAL(4,3),
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(time, '10 seconds') AS w, count(*) AS count
FROM (SELECT time, k, v FROM events UNION ALL SELECT t2, k, v FROM events2) AS u
WHERE v > 0
GROUP BY window(time, '10 seconds')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
