-- expect: 6:24: [INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from "t". Need a complex type [STRUCT, ARRAY, MAP] but got "STRING".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE, arr ARRAY<INT>, m MAP<STRING, INT>, st STRUCT<x: INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- ExtractValue of a value that is no STRUCT, ARRAY or MAP
INSERT INTO out SELECT t[1] FROM s;
