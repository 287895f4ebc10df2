-- UNION ALL of a files source and a rate-micro-batch source, each with its own watermark, into
-- a windowed count in append mode.  The query's watermark is the minimum of its sources'
-- (Spark's default multipleWatermarkPolicy): the files run ahead (delay 0, an event at +31 s),
-- so the rate source's watermark (its batch time - 5 s) decides when windows close, until the
-- rate passes the files' +31 s and that one holds the watermark back.  The union's columns are
-- named by its first branch, whose watermarked `time` makes `t` the event time.
CREATE SOURCE ev (time TIMESTAMP, k STRING, WATERMARK FOR time AS time - INTERVAL '0 seconds')
  WITH (connector = 'files', path = 'data/ev', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE r (WATERMARK FOR timestamp AS timestamp - INTERVAL '5 seconds')
  WITH (connector = 'rate-micro-batch', rowsPerBatch = 2, startTimestamp = 1700000000000,
        advanceMillisPerBatch = 10000);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(t, '10 seconds') AS w, src, count(*) AS n
FROM (SELECT time AS t, k AS src FROM ev UNION ALL SELECT timestamp, 'rate' FROM r)
GROUP BY window(t, '10 seconds'), src
WITH (outputMode = 'append');
