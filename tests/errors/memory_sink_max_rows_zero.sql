-- expect: 2:58: Invalid value '0' for option 'maxRows', must be a positive integer
CREATE SINK counts WITH (connector = 'memory', maxRows = 0);
