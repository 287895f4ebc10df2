-- expect: 2:56: Invalid value 'many' for option 'numRows', must be a positive integer
CREATE SINK out WITH (connector = 'console', numRows = 'many');
