-- expect: 3:61: Invalid value 'parquet' for option 'format', must be one of json, csv, text
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'parquet');
