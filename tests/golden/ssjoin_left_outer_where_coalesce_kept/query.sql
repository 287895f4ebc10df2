-- A LEFT OUTER stream-stream join under a WHERE over the right side that keeps the rows it
-- pads with NULLs: coalesce(NULL, 5) > 2 is true, so Spark's EliminateOuterJoin leaves the
-- join LEFT OUTER (and the conjunct stays above it: PushPredicateThroughJoin moves only the
-- left side's conjuncts below a LEFT OUTER join).
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
WHERE coalesce(r.w, 5) > 2
WITH (name = 'q', checkpointLocation = 'chk');
