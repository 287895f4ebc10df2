-- expect: 5:28: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "len(a)" due to data type mismatch: Parameter 1 requires the ("STRING" or "BINARY") type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT len(a) FROM events;
