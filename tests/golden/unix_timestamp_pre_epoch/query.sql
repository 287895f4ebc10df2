-- Expected by hand (session zone UTC; micros / 10^6 toward zero):
-- a 1969-12-31 23:59:59.5 is -500000 us: 0 (CAST floors it to -1);
-- b 1969-12-31 23:59:59 is -1000000 us: -1;
-- c 1900-01-01 00:00:00.999999: 1900-01-01 is day -25567, -2208988800 s, plus 0.999999 s:
--   -2208988799.000001 s, toward zero -2208988799;
-- d 2024-01-01 10:00:00.5 is 1704103200.5 s: 1704103200 (toward zero = floor);
-- e the text does not match the pattern: NULL.
CREATE SOURCE ev (k STRING, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, unix_timestamp(s, 'yyyy-MM-dd HH:mm:ss.SSSSSS') AS u,
       to_unix_timestamp(to_timestamp(s, 'yyyy-MM-dd HH:mm:ss.SSSSSS')) AS ut,
       CAST(to_timestamp(s, 'yyyy-MM-dd HH:mm:ss.SSSSSS') AS BIGINT) AS c
FROM ev;
