-- expect: 6:22: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "elt(n, s, xs, 12)" due to data type mismatch: Parameter 2... requires the "STRING" or "BINARY" type, however "s","xs","12" has the type "STRING","ARRAY<INT>","STRING".
-- expect: 6:45: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "elt(d, s)" due to data type mismatch: Parameter 1 requires the "INT" type, however "d" has the type "DATE".
CREATE SOURCE e (n INT, s STRING, xs ARRAY<INT>, d DATE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT elt(n, s, xs, 12), elt(d, s) FROM e;
