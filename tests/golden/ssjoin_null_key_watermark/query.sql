-- A RIGHT OUTER stream-stream join: Spark infers IsNotNull(l.k) for the left side (not outer)
-- and pushes it below the left source's watermark, so the left row with a NULL key (time 200)
-- does not move the watermark: the right rows b (110) and c (300) wait for it.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (t2 TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT l.time AS lt, l.k AS lk, r.t2 AS rt, r.k AS rk
FROM events AS l RIGHT OUTER JOIN events2 AS r
  ON l.k = r.k AND l.time BETWEEN r.t2 - INTERVAL '5 seconds' AND r.t2 + INTERVAL '5 seconds'
WITH (name = 'q', checkpointLocation = 'chk');
