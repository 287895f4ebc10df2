-- expect: 5:30: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "stack(-1, id, 2, 3)" due to data type mismatch: The `n` must be between (0, 2147483647] (current value = -1).
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT stack(-1, id, 2, 3) FROM s;
