-- Run 1 of three: multipleWatermarkPolicy 'MAX' (any case; the offsets log records it as
-- written, as Spark records the text the conf was set to).  query.s2.sql drops the option and
-- query.s3.sql sets 'min', yet both restarts keep max: the newest offsets entry's conf
-- overrides the query's (OffsetSeqMetadata.setSessionConf), so the output is that of
-- union_watermark_max.
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
      spark.sql.streaming.multipleWatermarkPolicy = 'MAX');
