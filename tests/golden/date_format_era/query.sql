-- Expected, by hand (Java 17, Locale.US, UTC):
--   2024-01-15 10:20:30: AD Anno Domini 2024 24 2024 | 2024 24 2024
--   year 0 (1 BC):       BC Before Christ 0001 01 1 | 0000 00 0
--   year -44 (45 BC):    BC Before Christ 0045 45 45 | -0044 44 -44
CREATE TABLE t (id INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT id, date_format(CAST(s AS TIMESTAMP), 'G GGGG yyyy yy y') AS era,
       date_format(CAST(s AS TIMESTAMP), 'yyyy yy y') AS proleptic
FROM t ORDER BY id WITH (truncate = false);
