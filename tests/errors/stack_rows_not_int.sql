-- expect: 5:30: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "stack(2, id)" due to data type mismatch: Parameter 1 requires the "INT" type, however "2" has the type "STRING".
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT stack('2', id) FROM s;
