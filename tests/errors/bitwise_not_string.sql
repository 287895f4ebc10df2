-- expect: 5:25: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "~s" due to data type mismatch: Parameter 1 requires the "INTEGRAL" type, however "s" has the type "STRING".
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT ~s FROM s;
