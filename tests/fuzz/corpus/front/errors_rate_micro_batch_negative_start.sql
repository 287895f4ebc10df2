-- expect: 2:95: Invalid value '-1' for option 'startTimestamp', must be a non-negative integer
CREATE SOURCE ticks WITH (connector = 'rate-micro-batch', rowsPerBatch = 10, startTimestamp = -1);
