-- expect: 2:54: duplicate column 'Action' in source 'events'
CREATE SOURCE events (time TIMESTAMP, action STRING, Action STRING)
  WITH (connector = 'files', path = 'data/events');
