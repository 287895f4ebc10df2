-- expect: 5:37: [DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES] Cannot resolve "stack(2, id, name)" due to data type mismatch: The data type of the column (0) do not have the same type: "INT" (1) <> "STRING" (2).
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT stack(2, id, name) FROM s;
