-- Spark 3.5's grammar: EXTRACT '(' field=identifier FROM source=valueExpression ')', the
-- expression Extract(field, source) = date_part(field, source).  2024-02-29 13:45:30.123456 UTC:
-- YEAR 2024, MONTH 2, DAY 29, HOUR 13, MINUTE 45, SECOND 30.123456 (a DECIMAL(8,6)).
-- 2021-01-03 is a Sunday: DOW 1, DOW_ISO 7, DOY 3, ISO WEEK 53 of YEAROFWEEK 2020, QUARTER 1.
-- The NULL row gives NULL everywhere.
CREATE SOURCE e (ts TIMESTAMP, d DATE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT EXTRACT(YEAR FROM ts), extract(month FROM ts) AS mo, EXTRACT(DAY FROM ts) AS dd,
       EXTRACT(HOUR FROM ts) AS h, EXTRACT(MINUTE FROM ts) AS mi, EXTRACT(SECOND FROM ts) AS s,
       EXTRACT(DOW FROM d), EXTRACT(DOW_ISO FROM d) AS dowi, EXTRACT(DOY FROM d) AS doy,
       EXTRACT(WEEK FROM d) AS wk, EXTRACT(YEAROFWEEK FROM d) AS yow, EXTRACT(QUARTER FROM d) AS q
FROM e;
