-- expect: 2:15: option 'rowsPerBatch' is required for connector 'rate-micro-batch'
CREATE SOURCE ticks WITH (connector = 'rate-micro-batch', startTimestamp = 0);
