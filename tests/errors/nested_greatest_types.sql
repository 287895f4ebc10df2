-- expect: 5:22: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "greatest(a, array(s))" due to data type mismatch: Input to `greatest` should all be the same type, but it's ["ARRAY<INT>", "ARRAY<STRING>"].
CREATE SOURCE e (a ARRAY<INT>, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT greatest(a, array(s)) FROM e;
