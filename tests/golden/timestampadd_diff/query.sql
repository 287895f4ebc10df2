-- timestampadd(unit, n, ts) and timestampdiff(unit, start, end) (Spark 3.3+'s TimestampAdd and
-- TimestampDiff; DATEADD, DATE_ADD, DATEDIFF, DATE_DIFF with three arguments are the same), in
-- UTC as DateTimeUtils.timestampAdd/timestampDiff compute them: months added with the day
-- clamped to the month's length; a date unit counts whole units (the end date one day nearer
-- while its time of day has not reached the start's), a time unit the span truncated toward
-- zero.  Expected output worked out by hand from java.time's LocalDateTime.until and plusMonths:
--   row 1: 2024-01-31 10:00 to 2024-03-01 09:59:59 is 0 months (the end counts as 02-29,
--          packed months 30 / 32), 29 days, 4 weeks, 719 hours, 2591999 seconds;
--   row 2: 2024-02-29 23:59:59.999999 to 2023-02-28 is -12 months (-385 / 32), -366 days;
--   row 3: 0.9 s across midnight of 1970-01-01 is 0 days, 900 ms;
--   row 5: 2024-03-31 12:00 + 100000 months is 10357-07-31, + 100000 quarters 27024-03-31,
--          + 100000 days 2298-01-14, + 100000 hours 2035-08-28 04:00; back to 2024-02-29 12:00
--          is -1 month (packed months -34 / 32), -31 days, -744 hours.
CREATE SOURCE t (s TIMESTAMP, e TIMESTAMP, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT timestampadd(MONTH, n, s) AS m, timestampadd(YEAR, 1, s) AS y, dateadd(QUARTER, n, s) AS q,
       date_add(DAY, n, s) AS d, timestampadd(hour, n, s) AS h, timestampadd(MICROSECOND, n, s) AS us,
       timestampadd(WEEK, 2, s) AS w
FROM t;
INSERT INTO o
SELECT timestampdiff(MONTH, s, e) AS m, timestampdiff(YEAR, s, e) AS y, datediff(QUARTER, s, e) AS q,
       date_diff(DAY, s, e) AS d, timestampdiff(WEEK, s, e) AS w, timestampdiff(HOUR, s, e) AS h,
       timestampdiff(SECOND, s, e) AS sec, timestampdiff(MILLISECOND, s, e) AS ms,
       timestampdiff(MICROSECOND, s, e) AS us, timestampdiff(MINUTE, e, s) AS min_back
FROM t;
