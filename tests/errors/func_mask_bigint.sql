-- expect: 5:29: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "mask(n, X, x, n, NULL)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "n" has the type "BIGINT".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT mask(n) FROM events;
