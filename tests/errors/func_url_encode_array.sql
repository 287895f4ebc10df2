-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "url_encode(a)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT url_encode(a) FROM events;
