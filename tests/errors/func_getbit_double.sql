-- expect: 5:31: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "getbit(d, 1)" due to data type mismatch: Parameter 1 requires the "INTEGRAL" type, however "d" has the type "DOUBLE".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT getbit(d, 1) FROM events;
