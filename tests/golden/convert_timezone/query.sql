-- convert_timezone([sourceTz, ]targetTz, sourceTs) (Spark's ConvertTimezone:
-- convertTimestampNtzToAnotherTz, ldt.atZone(sourceTz).withZoneSameInstant(targetTz)).
-- Expected values by hand:
-- c1 '+02:00' -> '-05:00' is n - 7 h (2024-03-31 01:30 -> 2024-03-30 18:30).
-- c2 'Europe/Paris' -> 'UTC' (2024: CEST from 2024-03-31 01:00 UTC, local 02:00 -> 03:00;
--    CET again from 2024-10-27 01:00 UTC, local 03:00 -> 02:00): 03-31 01:30 is CET, -1 h:
--    00:30; 03-31 02:30 is in the gap, moved later by 1 h to 03:30 CEST: 01:30 UTC; 10-27
--    02:30 is in the overlap, the earlier offset +2: 00:30; 07-01 12:00:00.5 CEST: 10:00:00.5;
--    03-10 is CET: -1 h.
-- c3 two arguments, from the session zone UTC to 'America/New_York' (EDT -4 from
--    2024-03-10 07:00 UTC): 03-10 06:30 UTC is EST, 01:30; 03-10 07:30 UTC is EDT, 03:30;
--    the others EDT, -4 h.
-- c4 zones of the row: UTC -> Paris 03-31 01:30 UTC is after 01:00 UTC, CEST: 03:30;
--    Paris -> New York 03-31 02:30 (gap: 01:30 UTC) is 21:30 EDT the day before; a NULL zone
--    or timestamp gives NULL; -05:30 -> +05:30 (Asia/Kolkata) adds 11 h; Z -> Etc/GMT-3 (+3)
--    adds 3 h.
-- c5 a DATE is cast to TIMESTAMP_NTZ (midnight): UTC -> +01:00 is 01:00 that day.
-- c6 a TIMESTAMP is cast to TIMESTAMP_NTZ (the same local time in UTC): +01:00 -> UTC is -1 h.
-- c7 a NULL source zone gives NULL.
CREATE SOURCE e (n TIMESTAMP_NTZ, src STRING, tgt STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT n, convert_timezone('+02:00', '-05:00', n) AS c1,
       convert_timezone('Europe/Paris', 'UTC', n) AS c2,
       convert_timezone('America/New_York', n) AS c3,
       convert_timezone(src, tgt, n) AS c4,
       convert_timezone('UTC', '+01:00', CAST(n AS DATE)) AS c5,
       convert_timezone('+01:00', 'UTC', CAST(n AS TIMESTAMP)) AS c6,
       convert_timezone(NULL, 'UTC', n) AS c7
FROM e;
