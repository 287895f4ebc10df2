-- expect: 5:34: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "parse_url(n, HOST)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "n" has the type "BIGINT".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT parse_url(n, 'HOST') FROM events;
