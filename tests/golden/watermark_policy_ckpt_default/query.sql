-- A restart from a checkpoint whose offsets log has no multipleWatermarkPolicy (as Spark
-- before 2.4 wrote it; data/chk, batch 0 done): Spark sets the conf to
-- relevantSQLConfDefaultValues' "min" (OffsetSeqMetadata.setSessionConf, with a warning), so
-- the query's 'max' is not used.  Two watermarked rate-micro-batch sources, one 10 s a batch
-- ahead, the other 1 s: the watermark follows the slow one.
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
