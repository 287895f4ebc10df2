-- A HAVING conjunct on a grouping key that is not the event time moves below the Aggregate
-- and on below the watermark (PushPredicateThroughNonJoin: case Filter over Aggregate, then
-- over EventTimeWatermark): the rows it drops neither reach the state nor move the
-- watermark.  A conjunct on an aggregate filters the emitted rows.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, window(time, '10 minutes') AS w, count(*) AS count
FROM events
GROUP BY k, window(time, '10 minutes')
HAVING k <> 'b' AND count(*) > 1
WITH (name = 'counts', outputMode = 'append', checkpointLocation = 'chk');
