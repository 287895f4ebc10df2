-- expect: 5:32: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "shuffle(s)" due to data type mismatch: Parameter 1 requires the "ARRAY" type, however "s" has the type "STRING".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT shuffle(s) FROM events;
