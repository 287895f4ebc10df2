-- expect: 5:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "bool_and(a)" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "a" has the type "INT".
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT bool_and(a) FROM s WITH (outputMode = 'complete');
