-- expect: 5:17: Event time must be defined on a window or a timestamp, but 'time' is of type timestamp_ntz
-- Spark 3.5's CheckAnalysis takes an EventTimeWatermark on a TimestampType (or a struct whose
-- end is one) only: withWatermark over a TIMESTAMP_NTZ fails analysis.
CREATE SOURCE events (time TIMESTAMP_NTZ, action STRING,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/events', format = 'json');
