-- expect: 3:25: watermark for 'time' must be defined as time - INTERVAL '<delay>'
CREATE SOURCE events (time TIMESTAMP,
  WATERMARK FOR time AS time + INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events');
