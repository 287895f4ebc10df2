-- expect: 5:22: [DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION] Cannot resolve "TRY_CAST(d AS INT)" due to data type mismatch: cannot cast "DATE" to "INT". To convert values from "DATE" to "INT", you can use the functions `UNIX_DATE` instead.
-- Cast.canTryCast is canAnsiCast for atomic types: DATE to a number is refused (CAST gives NULL).
CREATE SOURCE e (d DATE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(d AS INT) FROM e;
