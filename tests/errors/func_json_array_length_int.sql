-- expect: 5:42: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "json_array_length(n)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "n" has the type "BIGINT".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT json_array_length(n) FROM events;
