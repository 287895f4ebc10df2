-- expect: 12:32: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "shiftleft(d, 1)" due to data type mismatch: Parameter 1 requires the ("INT" or "BIGINT") type, however "d" has the type "DATE".
-- expect: 12:43: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "bin(xs)" due to data type mismatch: Parameter 1 requires the "BIGINT" type, however "xs" has the type "ARRAY<INT>".
-- expect: 12:56: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "conv(s, f, 2)" due to data type mismatch: Parameter 2 requires the "INT" type, however "f" has the type "BOOLEAN".
-- expect: 12:70: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "encode(xs, UTF-8)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "xs" has the type "ARRAY<INT>".
-- expect: 13:22: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "format_string(xs)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "xs" has the type "ARRAY<INT>".
-- expect: 13:45: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "levenshtein(s, s, d)" due to data type mismatch: Parameter 3 requires the "INT" type, however "d" has the type "DATE".
-- expect: 13:63: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "format_number(f, 2)" due to data type mismatch: Parameter 1 requires the "NUMERIC" type, however "f" has the type "BOOLEAN".
-- expect: 13:76: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "nanvl(f, 1.0)" due to data type mismatch: Parameter 1 requires the ("DOUBLE" or "FLOAT") type, however "f" has the type "BOOLEAN".
CREATE SOURCE e (n INT, s STRING, xs ARRAY<INT>, d DATE, f BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT shiftleft(d, 1), bin(xs), conv(s, f, 2), encode(xs, 'UTF-8'),
       format_string(xs), levenshtein(s, s, d), format_number(f, 2), nanvl(f, 1.0) FROM e;
