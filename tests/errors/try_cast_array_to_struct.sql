-- expect: 6:22: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "a" due to data type mismatch: cannot cast "ARRAY<STRING>" to "STRUCT<a: INT>".
-- Another pair of types is Cast.canAnsiCast's, which refuses a nested type but to STRING.
CREATE SOURCE e (a ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(a AS STRUCT<a: INT>) FROM e;
