-- A WHERE above a stream-stream INNER join on a column of the left side: Spark's
-- PushPredicateThroughJoin moves `l.v > 2` into the left side and PushPredicateThroughNonJoin
-- below its watermark, so the left row with v = 1 (time 300) never reaches the left source's
-- EventTimeWatermarkExec nor the join's state.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (t2 TIMESTAMP, k STRING,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT l.time AS lt, l.k AS lk, l.v AS lv, r.t2 AS rt
FROM events AS l JOIN events2 AS r
  ON l.k = r.k AND l.time BETWEEN r.t2 - INTERVAL '5 seconds' AND r.t2 + INTERVAL '5 seconds'
WHERE l.v > 2
WITH (name = 'q', checkpointLocation = 'chk');
