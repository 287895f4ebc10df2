-- expect: 6:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "sort_array(t, true)" due to data type mismatch: Parameter 1 requires the "ARRAY" type, however "t" has the type "STRING".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, ts TIMESTAMP, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- the value sorted is no array
INSERT INTO out SELECT sort_array(t) FROM s;
