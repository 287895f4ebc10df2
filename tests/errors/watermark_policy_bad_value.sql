-- expect: 6:55: 'average' in spark.sql.streaming.multipleWatermarkPolicy is invalid. Invalid value for 'spark.sql.streaming.multipleWatermarkPolicy'. Valid values are 'min' and 'max'
CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '1 second')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events
  WITH (spark.sql.streaming.multipleWatermarkPolicy = 'Average');
