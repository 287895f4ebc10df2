-- expect: 6:9: unknown query option 'multipleWatermarkPolicy' (valid: name, outputMode, trigger, checkpointLocation, mode, spark.sql.streaming.multipleWatermarkPolicy)
CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '1 second')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events
  WITH (multipleWatermarkPolicy = 'max');
