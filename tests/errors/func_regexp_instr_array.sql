-- expect: 5:37: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "regexp_instr(a, x, 0)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_instr(a, 'x') FROM events;
