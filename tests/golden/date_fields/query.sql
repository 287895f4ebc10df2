-- The date fields as Spark 3.5's GetDateField expressions (datetimeExpressions.scala) on
-- java.time.LocalDate: DayOfWeek (getDayOfWeek: LocalDate.getDayOfWeek.plus(1), 1 = Sunday),
-- WeekDay (ordinal, 0 = Monday), DayOfYear, Quarter (IsoFields.QUARTER_OF_YEAR), WeekOfYear
-- (IsoFields.WEEK_OF_WEEK_BASED_YEAR: 2023-01-01 is in week 52 of 2022, 2020-12-31 and
-- 2021-01-03 in week 53 of 2020); LastDay (days - dayOfMonth + lengthOfMonth); AddMonths
-- (LocalDate.plusMonths: the day is clamped to the new month's length, 2024-01-31 + 1 month
-- is 2024-02-29, 2024-02-29 + 12 months 2025-02-28; Spark 3 does not move a last day to the
-- last day); TruncDate (the unit read as date_trunc's, WEEK back to Monday, a unit shorter than
-- a week or unknown is NULL); UnixDate/DateFromUnixDate (the day number); Year, Month,
-- DayOfMonth take a DATE too (a string is cast as a date: '2016-07-26 garbage' is 2016);
-- dateadd and date_diff are Spark 3.4's aliases of DateAdd (named date_add, its fixed
-- prettyName) and DateDiff (named date_diff, the alias); a DECIMAL count of months is cast
-- to INT, truncated (-1.9 is -1).  Expected rows
-- from Python's datetime (isoweekday() % 7 + 1, weekday(), tm_yday, isocalendar()[1],
-- calendar.monthrange, plusMonths as (y*12 + m - 1 + n) with the day clamped); years 0 and
-- 10000 (outside Python's range) by the same arithmetic, printed as Spark prints them.
CREATE SOURCE s (d DATE, n INT, u STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT d, dayofweek(d), weekday(d), dayofyear(d), quarter(d), weekofyear(d), last_day(d),
       add_months(d, n), trunc(d, u), unix_date(d), date_from_unix_date(unix_date(d) + 1) AS next,
       year(d), month(d), day(d), year('2016-07-26 garbage') AS ys, dayofmonth(CAST(d AS TIMESTAMP)) AS dts,
       dateadd(d, n), date_diff(last_day(d), d), add_months(d, -1.9) AS am
FROM s;
