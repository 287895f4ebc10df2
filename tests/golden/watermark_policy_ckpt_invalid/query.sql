-- A restart from a checkpoint whose offsets log records multipleWatermarkPolicy "AVG"
-- (data/chk): Spark sets the session's conf to it (OffsetSeqMetadata.setSessionConf), whose
-- checkValue fails the query at start with its IllegalArgumentException, the value
-- lower-cased by the conf's transform.
CREATE SOURCE fast (WATERMARK FOR timestamp AS timestamp - INTERVAL '0 seconds')
  WITH (connector = 'rate-micro-batch', rowsPerBatch = 1, startTimestamp = 1700000000000,
        advanceMillisPerBatch = 10000);
CREATE SOURCE slow (WATERMARK FOR timestamp AS timestamp - INTERVAL '0 seconds')
  WITH (connector = 'rate-micro-batch', rowsPerBatch = 1, startTimestamp = 1700000000000,
        advanceMillisPerBatch = 1000);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT timestamp AS t, value FROM fast UNION ALL SELECT timestamp, value FROM slow
WITH (name = 'q', checkpointLocation = 'chk',
      spark.sql.streaming.multipleWatermarkPolicy = 'max');
