-- expect: 5:24: [DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES] Cannot resolve "array_insert(s, 1, x)" due to data type mismatch: Input to `array_insert` should have been "ARRAY" followed by a value with same element type, but it's ["STRING", "STRING"].
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, e ARRAY<STRUCT<k: STRING, v: INT, w: INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_insert(s, 1, 'x') FROM events;
