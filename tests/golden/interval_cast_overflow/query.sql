-- CAST(INT AS INTERVAL DAY) is Math.multiplyExact(i, 86400000000): 106751991 days fit a long
-- (Long.MaxValue µs is 106751991 04:00:54.775807), 106751992 do not: Spark throws
-- castingCauseOverflowError(i, IntegerType, DayTimeIntervalType(DAY, DAY)).
CREATE SOURCE ev (k STRING, i INT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT k, CAST(i AS INTERVAL DAY) AS d FROM ev WITH (name = 'o');
