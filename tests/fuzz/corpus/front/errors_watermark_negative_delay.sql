-- expect: 3:32: delay threshold (-10 minutes) should not be negative.
CREATE SOURCE events (time TIMESTAMP,
  WATERMARK FOR time AS time - INTERVAL '-10 minutes')
  WITH (connector = 'files', path = 'data/events');
