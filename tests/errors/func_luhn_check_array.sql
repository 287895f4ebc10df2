-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "luhn_check(a)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT luhn_check(a) FROM events;
