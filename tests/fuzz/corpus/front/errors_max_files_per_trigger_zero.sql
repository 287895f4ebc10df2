-- expect: 3:73: Invalid value '0' for option 'maxFilesPerTrigger', must be a positive integer
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', maxFilesPerTrigger = 0);
