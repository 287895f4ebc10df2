-- expect: 6:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "count_if(d)" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "d" has the type "DOUBLE".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- CountIf takes a BOOLEAN; a DOUBLE is not cast
INSERT INTO out SELECT count_if(d) FROM s WITH (outputMode = 'complete');
