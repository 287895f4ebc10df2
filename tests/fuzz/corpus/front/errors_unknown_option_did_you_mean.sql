-- expect: 3:52: unknown option 'maxFilePerTrigger' for connector 'files' (did you mean 'maxFilesPerTrigger'?)
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', maxFilePerTrigger = 1);
