-- make_date(y, m, d) (MakeDate): +5881580-07-11 is day 2147483647 (Integer.MAX_VALUE) and
-- -5877641-06-23 day -2147483648 (by python3: date(1970, 1, 1) plus the days modulo the
-- 146097 days of 400 years), both dates; +5881580-07-12 is one day beyond: Spark throws
-- ArithmeticException from Math.toIntExact (not a DateTimeException, so not NULL) and the
-- query fails.  A year beyond 999999999 is a DateTimeException: NULL.  add_months
-- (AddMonths: plusMonths, then the same toIntExact) moves each date inwards: -1 month from
-- the last date, +1 from the first.
CREATE SOURCE s (y INT, m INT, d INT) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT y, make_date(y, m, d) AS md,
       add_months(make_date(y, m, d), CASE WHEN y > 0 THEN -1 ELSE 1 END) AS inwards
FROM s;
