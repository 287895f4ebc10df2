-- A stream-stream INNER join whose left side is a subquery computing v2 = v * 2: the filters
-- Spark's optimizer puts over that side (IsNotNull(v2) inferred from `l.v2 > r.w`, and ON's
-- `l.v2 < 100`) move through the subquery's Project as isnotnull(v * 2) and v * 2 < 100, below
-- the left source's watermark: the rows with v NULL (time 300) and v = 60 (time 400) never
-- reach its EventTimeWatermarkExec nor the join's state.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (t2 TIMESTAMP, k STRING, w BIGINT,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT l.time AS lt, l.k AS lk, l.v2 AS lv2, r.t2 AS rt, r.w AS rw
FROM (SELECT time, k, v * 2 AS v2 FROM events) AS l JOIN events2 AS r
  ON l.k = r.k AND l.v2 > r.w AND l.v2 < 100
  AND l.time BETWEEN r.t2 - INTERVAL '5 seconds' AND r.t2 + INTERVAL '5 seconds'
WITH (name = 'q', checkpointLocation = 'chk');
