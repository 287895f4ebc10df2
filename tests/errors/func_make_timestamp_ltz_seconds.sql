-- expect: 5:58: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "make_timestamp(n, n, n, n, n, a)" due to data type mismatch: Parameter 6 requires the "DECIMAL(16,6)" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_timestamp_ltz(n, n, n, n, n, a) FROM events;
