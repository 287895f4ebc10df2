-- Expected by hand (session zone UTC; the offset or zone in the text wins). Days: 2000-01-01
-- is day 10957, 2024-01-01 day 19723.
-- a Apache log 'Z' (+HHMM): 13:55:36 at -07:00 is 20:55:36Z on 2000-10-10 (day 10957 + 283
--   = 11240): 11240 * 86400 + 75336 = 971211336; a Tuesday.
-- b 'Z' has no colon: minutes are mandatory and ':' is no digit: NULL.
-- c XXX (+HH:MM): 10:00 at +05:30 = 04:30Z on day 19737: 1705276800 + 16200 = 1705293000.
-- d XXX needs the colon: NULL.  e 'z' is the no-offset text "Z" in any case: 10:00:00.1Z,
--   1705312800.
-- f MMMM, h, a: 13:05 on 2024-01-05 (day 19727): 1704412800 + 47100 = 1704459900.
-- g MMMM reads only full names (strict TextStyle.FULL): NULL ("oct 10, 1582": the legacy
--   SimpleDateFormat reads short names under MMMM too, but October 5..14 1582 are missing
--   from its calendar, so it rejects the text and timeParserPolicy EXCEPTION does not fail
--   the query); h MMM reads "jan", "pm" in any case: as f.
-- i, j an optional fraction there or not: 10:00 on day 19737 = 1705312800 (.5 kept in the
--   timestamp); k "." with no digit: the section fails and is skipped, "." is left: NULL.
-- l 02:30 does not exist in New York on 2024-03-10 (DST starts): ZonedDateTime.of moves it
--   to 03:30 EDT (-04:00) = 07:30Z, day 19792: 1710028800 + 27000 = 1710055800.
-- m 'x' tries its no-offset text "+00" first, which reads "+00" of "+0030" and leaves "30":
--   NULL; n "+0530" as c.
-- o O: GMT+5 (SHORT): 05:00Z = 1705294800; p ZZZZ (FULL) GMT+05:30 as c; q FULL needs HH:mm:
--   NULL.
-- r with a G, y is the year of era: 44 BC is year -43; 43 years back from year 0 (day
--   -719528) with 10 leap years (-40 ... -4): -719528 - 15705 = day -735233,
--   -63524131200; shown -0043-01-01; formatted back with G: 0044 BC.
-- s 12 AM is hour 0 of 1970-01-01: 0; t PM alone is 12:00: 43200; u hour 13 with AM
--   conflicts (Parsed's cross-check): NULL; v 13:00 PM: 46800.
-- w ZZZZZ (+HH:MM:ss): 10:00 at -08:00 = 18:00Z: 1705276800 + 64800 = 1705341600.
-- x +18:01 is past ZoneOffset's 18 hours: NULL.
-- y 23:30 at -05:00 is 04:30Z the next day: to_date 2024-01-16, 1705293000 + 86400.
-- z a quoted literal in any case: 10:00 = 1705312800.
-- The format columns print in UTC: EEE, zzzz Coordinated Universal Time, VV UTC, O GMT,
-- XXX Z, Z +0000, G AD (BC for r).
CREATE SOURCE ev (k STRING, s STRING, p STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO out
SELECT k, to_timestamp(s, p) AS t, to_date(s, p) AS d, unix_timestamp(s, p) AS u,
       date_format(to_timestamp(s, p), 'EEE dd/MMM/yyyy G HH:mm:ss Z zzzz') AS f,
       from_unixtime(to_unix_timestamp(s, p), 'yyyy-MM-dd\'T\'HH:mm:ssXXX VV O') AS g
FROM ev;
