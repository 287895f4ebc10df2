-- A UNION ALL of two watermarked sources under spark.sql.streaming.multipleWatermarkPolicy
-- max: the query's watermark is the larger of the sources' (WatermarkTracker, MaxWatermark),
-- so the source ahead makes the other one's rows late, and a restart in which only one source
-- reads rows still moves the watermark (the other counts as 0, which max passes over).
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
