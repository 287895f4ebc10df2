-- expect: 3:8: [DATATYPE_MISMATCH.ARRAY_FUNCTION_DIFF_TYPES] Cannot resolve "array_append(a, x)" due to data type mismatch: Input to `array_append` should have been "ARRAY" followed by a value with same element type, but it's ["ARRAY<INT>", "STRING"].
CREATE TABLE t (a ARRAY<INT>, n BIGINT) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT array_append(a, 'x') FROM t;
