-- expect: 6:30: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "every(a)" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "a" has the type "INT".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- BoolAnd (every) takes a BOOLEAN; an INT is not cast
INSERT INTO out SELECT every(a) FROM s WITH (outputMode = 'complete');
