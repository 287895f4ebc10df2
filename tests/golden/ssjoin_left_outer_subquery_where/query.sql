-- A LEFT OUTER stream-stream join in a subquery, under the outer query's WHERE over its
-- output: Spark's PushPredicateThroughNonJoin moves the Filter through the subquery's Project
-- (its fields are deterministic) right above the join, where EliminateOuterJoin sees
-- `w > 2` (rw is r.w) and runs the join as INNER, as for the WHERE written in the join's
-- own SELECT (tests/golden/ssjoin_left_outer_where_inner).
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (t2 TIMESTAMP, k STRING, w BIGINT,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT * FROM (
  SELECT l.time AS lt, l.k AS lk, l.v AS lv, r.t2 AS rt, r.w AS rw
  FROM events AS l LEFT OUTER JOIN events2 AS r
    ON l.k = r.k AND r.t2 >= l.time AND r.t2 <= l.time + INTERVAL '10 seconds'
) AS j
WHERE j.rw > 2
WITH (name = 'q', checkpointLocation = 'chk');
