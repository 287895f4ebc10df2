-- A WHERE conjunct that reads the event time stays above the watermark, but Spark's
-- InferFiltersFromConstraints (case Filter) gives it IsNotNull of the columns it reads
-- null-intolerantly, aliases replaced: isnotnull(v) from `unix_seconds(s.t) > s.v2` (v2 =
-- v * 2), which PushPredicateThroughNonJoin moves below the watermark: the row without v
-- (time 500) does not move it.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT s.t, s.k, s.v2
FROM (SELECT time AS t, k, v * 2 AS v2 FROM events) AS s
WHERE unix_seconds(s.t) > s.v2
WITH (name = 'q', checkpointLocation = 'chk');
