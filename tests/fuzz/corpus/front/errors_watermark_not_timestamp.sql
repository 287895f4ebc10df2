-- expect: 3:17: Event time must be defined on a window or a timestamp, but 'time' is of type string
CREATE SOURCE events (time STRING, action STRING,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events');
