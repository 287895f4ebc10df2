-- expect: 5:62: Invalid value 'upsert' for option 'outputMode', must be one of append, update, complete
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WITH (outputMode = 'upsert');
