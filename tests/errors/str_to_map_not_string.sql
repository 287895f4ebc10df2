-- expect: 6:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "str_to_map(a, ,, :)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "a" has the type "INT".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, ts TIMESTAMP, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- StringToMap is ExpectsInputTypes: an INT is not cast
INSERT INTO out SELECT str_to_map(a) FROM s;
