-- expect: 6:40: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "sort_array(arr, f)" due to data type mismatch: Parameter 2 requires the "BOOLEAN" type, however "f" has the type "BOOLEAN".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, ts TIMESTAMP, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- Spark takes only a BOOLEAN literal as the order
INSERT INTO out SELECT sort_array(arr, f) FROM s;
