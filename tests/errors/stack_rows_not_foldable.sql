-- expect: 5:30: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "stack(id, name)" due to data type mismatch: the input n should be a foldable "INT" expression; however, got "id".
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT stack(id, name) FROM s;
