-- expect: 5:22: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "CASE WHEN (s = a) THEN named_struct(x, 1) ELSE named_struct(y, 2) END" due to data type mismatch: Input to `casewhen` should all be the same type, but it's ["STRUCT<x: INT>", "STRUCT<y: BIGINT>"].
CREATE SOURCE e (a ARRAY<INT>, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT CASE WHEN s = 'a' THEN named_struct('x', 1) ELSE named_struct('y', 2L) END FROM e;
