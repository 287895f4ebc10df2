-- Spark 3.5's DatePart, replaced by Extract(field, source) (datetimeExpressions.scala,
-- Extract.parseExtractField): YEAR/Y/YEARS/YR/YRS Year, YEAROFWEEK YearOfWeek (the ISO
-- week-based year: 2021-01-03 is in 2020's week 53), QUARTER/QTR, MONTH/MON/MONS/MONTHS,
-- WEEK/W/WEEKS WeekOfYear, DAY/D/DAYS DayOfMonth, DAYOFWEEK/DOW (1 = Sunday),
-- DAYOFWEEK_ISO/DOW_ISO WeekDay + 1 (1 = Monday), DOY, HOUR/H/HOURS/HR/HRS, MINUTE/M/MIN/
-- MINS/MINUTES, SECOND/S/SEC/SECONDS/SECS SecondWithFraction: DECIMAL(8, 6) seconds with
-- microseconds (1969-12-31 23:59:58.5 is 58.500000).  The field's case does not matter;
-- the column is named with the field as written, unquoted.  Expected: python3's datetime
-- (isocalendar, isoweekday, timetuple().tm_yday).
CREATE SOURCE s (t TIMESTAMP, d DATE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT date_part('year', t), date_part('YEAROFWEEK', d), date_part('qtr', d),
       date_part('MONS', t), date_part('w', d), date_part('D', d), date_part('dow', d),
       date_part('dow_iso', d), date_part('doy', d), datepart('HOUR', t), date_part('mins', t),
       date_part('second', t), date_part('s', d)
FROM s;
