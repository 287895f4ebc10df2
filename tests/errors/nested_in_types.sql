-- expect: 5:22: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "(a IN (array(true)))" due to data type mismatch: Input to `in` should all be the same type, but it's ["ARRAY<INT>", "ARRAY<BOOLEAN>"].
CREATE SOURCE e (a ARRAY<INT>, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a IN (array(true)) FROM e;
