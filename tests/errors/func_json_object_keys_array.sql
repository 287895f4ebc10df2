-- expect: 5:41: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "json_object_keys(a)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT json_object_keys(a) FROM events;
