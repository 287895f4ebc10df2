-- expect: 6:22: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "s" due to data type mismatch: cannot cast "STRUCT<a: STRING, b: INT>" to "STRUCT<a: INT>".
-- Cast.canTryCast of two StructTypes is canCast's: as many fields, each castable.
CREATE SOURCE e (s STRUCT<a: STRING, b: INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(s AS STRUCT<a: INT>) FROM e;
