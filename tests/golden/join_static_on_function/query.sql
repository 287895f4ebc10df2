-- A stream-static INNER join whose ON calls a function: abs is NullIntolerant (Spark's Abs), so
-- InferFiltersFromConstraints infers IsNotNull(e.v) from `abs(e.v) <= t.w` and pushes it below
-- the stream's watermark: the event without v (time 500) does not move the watermark.
CREATE SOURCE events (time TIMESTAMP, k STRING, v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k STRING, w BIGINT) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT e.time, e.k, e.v, t.w
FROM events AS e JOIN dim AS t ON e.k = t.k AND abs(e.v) <= t.w
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
