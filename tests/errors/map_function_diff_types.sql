-- expect: 11:22: [DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] Cannot resolve "map_contains_key(map(1, s), s)" due to data type mismatch: Input to `map_contains_key` should have been "MAP" followed by a value with same key type, but it's ["MAP<INT, STRING>", "STRING"].
-- expect: 11:54: [DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] Cannot resolve "element_at(map(s, 1), n)" due to data type mismatch: Input to `element_at` should have been "MAP" followed by a value with same key type, but it's ["MAP<STRING, INT>", "INT"].
-- expect: 11:91: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "map_values(xs)" due to data type mismatch: Parameter 1 requires the "MAP" type, however "xs" has the type "ARRAY<INT>".
-- expect: 12:23: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "element_at(xs, NULL)" due to data type mismatch: Parameter 2 requires the "INT" type, however "NULL" has the type "VOID".
-- expect: 12:45: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "array_join(xs, n)" due to data type mismatch: Parameter 2 requires the "STRING" type, however "n" has the type "INT".
-- expect: 12:57: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "flatten(xs)" due to data type mismatch: Parameter 1 requires the "ARRAY" of "ARRAY" type, however "xs" has the type "ARRAY<INT>".
-- expect: 12:68: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "slice(s, 1, 2)" due to data type mismatch: Parameter 1 requires the "ARRAY" type, however "s" has the type "STRING".
CREATE SOURCE e (n INT, s STRING, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_contains_key(map(1, s), s), element_at(map(s, 1), n), map_values(xs),
       element_at(xs, NULL), array_join(xs, n), flatten(xs), slice(s, 1, 2) FROM e;
