-- expect: 6:24: [INVALID_EXTRACT_FIELD_TYPE] Field name should be a non-null string literal, but it's "0".
CREATE SOURCE s (a INT, b BIGINT, t STRING, f BOOLEAN, d DOUBLE, arr ARRAY<INT>, m MAP<STRING, INT>, st STRUCT<x: INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
-- a struct's field is named by a string literal only
INSERT INTO out SELECT st[0] FROM s;
