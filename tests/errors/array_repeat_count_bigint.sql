-- expect: 6:40: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "array_repeat(t, b)" due to data type mismatch: Parameter 2 requires the "INT" type, however "b" has the type "BIGINT".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, ts TIMESTAMP, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- ArrayRepeat is ExpectsInputTypes: a BIGINT count is not cast
INSERT INTO out SELECT array_repeat(t, b) FROM s;
