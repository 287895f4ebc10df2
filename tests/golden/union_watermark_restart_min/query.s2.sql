-- Runs 2 and 3: the option says max; the checkpoint's min is kept (Spark logs a warning).
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (
    t2 TIMESTAMP, k STRING,
    WATERMARK FOR t2 AS t2 - INTERVAL '0 seconds'
) WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, window(time, '10 seconds') AS w, count(*) AS count
FROM (SELECT time, k FROM events UNION ALL SELECT t2, k FROM events2) AS u
GROUP BY k, window(time, '10 seconds')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk',
      spark.sql.streaming.multipleWatermarkPolicy = 'max');
