-- A NULL event time counts as 0 in the progress record's eventTime statistics:
-- EventTimeWatermarkExec adds getEventTime(row).getLong(0) / 1000 for every row, and a NULL's
-- UnsafeRow slot is zeroed (UnsafeRowWriter.setNullAt), so min is 1970-01-01, avg takes the 0
-- in, and a batch of NULL times alone still reports max/min/avg (all 1970-01-01).
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '5 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(time, '10 seconds') AS w, count(*) AS count
FROM events
GROUP BY window(time, '10 seconds')
WITH (name = 'counts', outputMode = 'append', checkpointLocation = 'chk');
