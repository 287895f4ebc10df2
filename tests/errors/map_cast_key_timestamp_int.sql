-- expect: 6:22: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "m" due to data type mismatch: cannot cast "MAP<TIMESTAMP, INT>" to "MAP<INT, INT>".
-- Cast.canCast of MapTypes: a TIMESTAMP key cast to INT can overflow to NULL (Cast.forceNullable:
-- TimestampType to IntegerType), so the map cast is refused; to BIGINT it is not.
CREATE SOURCE e (t TIMESTAMP, a INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT CAST(m AS MAP<INT, INT>), CAST(m AS MAP<BIGINT, INT>) FROM (SELECT map(t, a) AS m FROM e);
