-- expect: 5:45: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "regexp_instr(s, x, a)" due to data type mismatch: Parameter 3 requires the "INT" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regexp_instr(s, 'x', a) FROM events;
