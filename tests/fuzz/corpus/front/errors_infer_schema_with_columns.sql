-- expect: 3:52: inferSchema cannot be used with a column list: write the columns or infer them, not both
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', inferSchema = true);
