-- expect: 3:17: cannot resolve column 'ts' (available: time, action)
CREATE SOURCE events (time TIMESTAMP, action STRING,
  WATERMARK FOR ts AS ts - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events');
