-- expect: 4:35: [INVALID_PARAMETER_VALUE.DATETIME_UNIT] The value of parameter(s) `unit` in `timestampadd` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal 'YEAR'.
CREATE SOURCE t (s TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT timestampadd('YEAR', 1, s) AS y FROM t;
