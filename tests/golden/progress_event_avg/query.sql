-- The progress record's eventTime.avg is Spark's running mean in a double, not the exact mean:
-- EventTimeStats.add does `count += 1; avg += (eventTime - avg) / count` for each row of a
-- partition, and ProgressReporter prints avg.toLong.  The exact means of both batches are whole
-- seconds (12:00:10 and 12:00:38), but the double ends just below them: .999 is printed.
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '5 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, window(time, '10 seconds') AS w, count(*) AS count
FROM events
GROUP BY k, window(time, '10 seconds')
WITH (name = 'counts', outputMode = 'update', checkpointLocation = 'chk');
