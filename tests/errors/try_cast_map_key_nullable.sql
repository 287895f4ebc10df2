-- expect: 6:22: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "m" due to data type mismatch: cannot cast "MAP<STRING, STRING>" to "MAP<INT, STRING>".
-- Cast.canTryCast of two MapTypes is canCast's: a key cast that can give NULL (STRING to INT,
-- Cast.forceNullable) is refused.
CREATE SOURCE e (m MAP<STRING, STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT try_cast(m AS MAP<INT, STRING>) FROM e;
