-- Expected by hand: a 2024-01-01 10:00:00 is day 19723 (2024-01-01) * 86400 + 36000 =
-- 1704103200; b's t is NULL (a zone in a TIMESTAMP_NTZ field is malformed); c 2023-06-30
-- 23:59:59.123456 is 2023-07-01 00:00 (1688169600) less 0.876544 s, floored: 1688169599;
-- d 2024-02-29 00:00 is 2024-03-01 (1709251200) less a day: 1709164800.
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT k, unix_timestamp(t) AS u, to_unix_timestamp(t, 'yyyy') AS u2 FROM ev;
