-- A FULL OUTER stream-stream join keeps rows with NULL keys on both sides (no side gets an
-- inferred IsNotNull), and Spark's state finds them by the key's bytes, where NULL equals
-- NULL: the NULL-key rows within the time bounds are joined.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (t2 TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT l.time AS lt, l.k AS lk, l.v AS lv, r.t2 AS rt, r.k AS rk, r.v AS rv
FROM events AS l FULL OUTER JOIN events2 AS r
  ON l.k = r.k AND l.time BETWEEN r.t2 - INTERVAL '5 seconds' AND r.t2 + INTERVAL '5 seconds'
WITH (name = 'q', checkpointLocation = 'chk');
