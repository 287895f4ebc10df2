-- expect: 2:57: Invalid value 'yes' for option 'truncate', must be 'true' or 'false'
CREATE SINK out WITH (connector = 'console', truncate = yes);
