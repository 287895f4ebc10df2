-- expect: 6:38: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "str_to_map(t, 1, :)" due to data type mismatch: Parameter 2 requires the "STRING" type, however "1" has the type "INT".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, ts TIMESTAMP, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- a foldable delimiter of another type than STRING
INSERT INTO out SELECT str_to_map(t, 1) FROM s;
