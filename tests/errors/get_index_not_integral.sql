-- expect: 6:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "arr[t]" due to data type mismatch: Parameter 2 requires the "INTEGRAL" type, however "t" has the type "STRING".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE, arr ARRAY<INT>, m MAP<STRING, INT>, st STRUCT<x: INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- Get is checked as its replacement GetArrayItem, named arr[i]
INSERT INTO out SELECT get(arr, t) FROM s;
