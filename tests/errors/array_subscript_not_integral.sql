-- expect: 6:28: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "arr[d]" due to data type mismatch: Parameter 2 requires the "INTEGRAL" type, however "d" has the type "DOUBLE".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE, arr ARRAY<INT>, m MAP<STRING, INT>, st STRUCT<x: INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- GetArrayItem is ExpectsInputTypes: a DOUBLE index is not cast
INSERT INTO out SELECT arr[d] FROM s;
