-- Expected by hand (session zone UTC; 'yy' is 2000 + two digits):
-- a '0001-09-07' with 'd-M-yy': day 0001 = 1, month 09, year 2007: 2007-09-01, day 13757,
--   unix 13757 * 86400 = 1188604800; with 'dd-M-yy' 'dd' takes '00' and then '0' is not
--   '-': NULL;
-- b '7-9-07': 2007-09-07, day 13763, 1189123200; 'dd' needs two digits: NULL;
-- c '007-0009-07': day 7, month 9: 2007-09-07 as b; NULL with 'dd';
-- d '32-1-07': day 32 is out of range (STRICT): NULL with both.
CREATE SOURCE ev (k STRING, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, to_timestamp(s, 'd-M-yy') AS t, unix_timestamp(s, 'd-M-yy') AS u,
       to_timestamp(s, 'dd-M-yy') AS t2
FROM ev;
