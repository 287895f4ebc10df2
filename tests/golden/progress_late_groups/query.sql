-- numRowsDroppedByWatermark of a window aggregation counts late groups, not rows: Spark drops
-- late rows in StateStoreSaveExec, whose input is the batch's partial aggregate (each (key,
-- window) once, AggUtils.planStreamingAggregation).
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, window(time, '10 seconds', '5 seconds') AS w, count(*) AS count
FROM events
GROUP BY k, window(time, '10 seconds', '5 seconds')
WITH (name = 'counts', outputMode = 'append', checkpointLocation = 'chk');
