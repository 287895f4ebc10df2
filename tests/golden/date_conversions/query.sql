-- Spark 3.5's datetimeExpressions.scala: MonthsBetween (DateTimeUtils.monthsBetween),
-- MakeDate, SecondsToTimestamp, MillisToTimestamp and MicrosToTimestamp
-- (IntegralToTimestampBase: Math.multiplyExact), UnixSeconds/UnixMillis/UnixMicros
-- (TimestampToLongBase: Math.floorDiv); the session time zone is UTC.
-- months_between(a, b): whole months when the days of the month are equal or both are the
-- last day of their month (2024-03-31 / 2024-02-29: 1.0; 2023-03-31 / 2023-02-28: 1.0), else
-- monthDiff + secondsDiff / (31 * 86400) with secondsDiff = (day1 - day2) * 86400 +
-- secondsOfDay1 - secondsOfDay2, then Math.round(x * 1e8) / 1e8 unless roundOff is false:
--   1997-02-28 10:30:00 / 1996-10-30: 4 + (-2 * 86400 + 37800) / 2678400 = 3.9495...
--   (Spark's documented example: 3.94959677).
-- Expected values by python3 (the same formula in floats, round() replaced by
-- math.floor(x + 0.5) as Java's Math.round); make_date(y, m, d): LocalDate.of, NULL for a
-- month or day out of range (2023-02-29, month 13); year 0 and -1 exist (proleptic ISO);
-- +5000000-01-01 is 1824540484 days, within an INT.
-- timestamp_seconds(x) of a DOUBLE: NULL for NaN and the infinities, else (long)(x * 1e6),
-- which saturates (1e300 -> +294247-01-10 04:00:54.775807); of a DECIMAL the exact micros.
CREATE SOURCE s (a TIMESTAMP, b TIMESTAMP, y INT, m INT, d INT, sec DOUBLE, ms BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT months_between(a, b), months_between(a, b, false) AS exact, make_date(y, m, d),
       timestamp_seconds(sec), timestamp_millis(ms), timestamp_micros(ms),
       timestamp_seconds(1230219000.123) AS dec, unix_seconds(a), unix_millis(a), unix_micros(a)
FROM s;
