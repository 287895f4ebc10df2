-- expect: 5:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "count_if(s)" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "s" has the type "STRING".
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count_if(s) FROM s WITH (outputMode = 'complete');
