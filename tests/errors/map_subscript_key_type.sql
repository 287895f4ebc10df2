-- expect: 6:26: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "m[arr]" due to data type mismatch: Parameter 2 requires the "STRING" type, however "arr" has the type "ARRAY<INT>".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE, arr ARRAY<INT>, m MAP<STRING, INT>, st STRUCT<x: INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- GetMapValue casts the key implicitly, but no ARRAY to STRING
INSERT INTO out SELECT m[arr] FROM s;
