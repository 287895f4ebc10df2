-- A LEFT OUTER stream-stream join under a WHERE whose conjunct over the right side is false
-- when its columns are NULL only once a constant is computed: coalesce(NULL, 0) > 2 is
-- 0 > 2, false.  Spark's EliminateOuterJoin (canFilterOutNull evaluates it over a row of
-- NULLs) runs the join as INNER, as for `r.w > 2` (tests/golden/ssjoin_left_outer_where_inner).
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (t2 TIMESTAMP, k STRING, w BIGINT,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT l.time AS lt, l.k AS lk, l.v AS lv, r.t2 AS rt, r.w AS rw
FROM events AS l LEFT OUTER JOIN events2 AS r
  ON l.k = r.k AND r.t2 >= l.time AND r.t2 <= l.time + INTERVAL '10 seconds'
WHERE coalesce(r.w, 0) > 2
WITH (name = 'q', checkpointLocation = 'chk');
