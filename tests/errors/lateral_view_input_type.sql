-- expect: 5:58: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "explode(k)" due to data type mismatch: Parameter 1 requires the ("ARRAY" or "MAP") type, however "k" has the type "STRING".
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s LATERAL VIEW OUTER explode(k) t;
