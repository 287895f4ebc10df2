-- expect: 5:47: [DATATYPE_MISMATCH.NON_STRING_TYPE] Cannot resolve "json_tuple(value, a, id)" due to data type mismatch: all arguments must be strings.
CREATE SOURCE s (id INT, name STRING, value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT json_tuple(value, 'a', id) FROM s;
