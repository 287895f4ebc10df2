-- expect: 4:22: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "concat(s, a)" due to data type mismatch: Input to `concat` should all be the same type, but it's ("STRING" or "ARRAY<INT>").
CREATE SOURCE e (s STRING, a ARRAY<INT>, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT concat(s, a) FROM e;
