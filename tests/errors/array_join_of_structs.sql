-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "array_join(st, ,)" due to data type mismatch: Parameter 1 requires the "ARRAY<STRING>" type, however "st" has the type "ARRAY<STRUCT<a: INT>>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT, st ARRAY<STRUCT<a INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_join(st, ',') FROM events;
