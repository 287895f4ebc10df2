-- eventTime.avg of a batch of several files: each file is a partition, read by a task of its
-- own, whose EventTimeStats keeps the running mean of its rows (EventTimeStats.add); the driver
-- merges the tasks' with EventTimeStats.merge (`avg += (that.avg - avg) * that.count / count`).
-- Spark merges them as the tasks complete; sluice in partition order (longest file first), one
-- of Spark's possible results.
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
