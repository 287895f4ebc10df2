-- expect: 2:63: Invalid value '-10' for option 'rowsPerSecond', must be a positive integer
CREATE SOURCE ticks WITH (connector = 'rate', rowsPerSecond = -10);
