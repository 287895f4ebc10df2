-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "bit_get(n, b)" due to data type mismatch: Parameter 2 requires the "INT" type, however "b" has the type "BOOLEAN".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT bit_get(n, b) FROM events;
