-- expect: 5:40: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "array_insert(a, n, 1)" due to data type mismatch: Parameter 2 requires the "INT" type, however "n" has the type "BIGINT".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, e ARRAY<STRUCT<k: STRING, v: INT, w: INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_insert(a, n, 1) FROM events;
