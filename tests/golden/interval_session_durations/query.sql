-- How long each user's activity lasted in each half hour (Spark 3.5: max(time) - min(time) is
-- SubtractTimestamps, an INTERVAL DAY TO SECOND), in update mode with a watermark, two runs.
-- Expected (by hand): run 1: a [12:00, 12:30) 3 rows, 12:20 - 12:00 = 20 min, / 2 = 10 min;
--   b [12:00, 12:30) 1 row, 0 s; the watermark becomes 12:20 - 30 min = 11:50.
--   Run 2: a's window gets 12:07:10 and 12:29:59.999999: 5 rows, 29 min 59.999999 s, and
--   1799999999 µs / 2 = 899999999.5 µs rounds HALF_UP (LongMath.divide) to 900000000 µs =
--   15 min; -dur is INTERVAL '-0 00:29:59.999999'; b [12:30, 13:00) is new (0 s, and 0 / 2 is
--   0); c's NULL time has no window.  Only the windows a batch changed are output (update).
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    WATERMARK FOR time AS time - INTERVAL '30 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, window(time, '30 minutes') AS w, count(*) AS n,
       max(time) - min(time) AS dur, (max(time) - min(time)) / 2 AS half,
       -(max(time) - min(time)) AS neg, max(time) - min(time) > INTERVAL '15' MINUTE AS long_one
FROM events
GROUP BY user, window(time, '30 minutes')
WITH (name = 'durations', outputMode = 'update', checkpointLocation = 'chk');
