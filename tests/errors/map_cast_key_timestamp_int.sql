-- expect: 6:22: cannot cast 'm' of type map<timestamp,int> to map<int,int>
-- Cast.canCast of MapTypes: a TIMESTAMP key cast to INT can overflow to NULL (Cast.forceNullable:
-- TimestampType to IntegerType), so the map cast is refused; to BIGINT it is not.
CREATE SOURCE e (t TIMESTAMP, a INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT CAST(m AS MAP<INT, INT>), CAST(m AS MAP<BIGINT, INT>) FROM (SELECT map(t, a) AS m FROM e);
