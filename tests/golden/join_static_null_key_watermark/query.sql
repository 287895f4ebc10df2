-- A stream-static INNER join: Spark infers IsNotNull(e.k) for the stream and pushes it below
-- its watermark, so the event with no key (time 100) does not move the watermark.
CREATE SOURCE events (time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '0 seconds')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE dim (k STRING, w BIGINT) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(e.time, '10 seconds') AS win, count(*) AS n
FROM events AS e JOIN dim AS t ON e.k = t.k
GROUP BY window(e.time, '10 seconds')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
