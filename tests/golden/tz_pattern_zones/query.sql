-- Zone pattern letters: to_timestamp(s, pattern) with VV (DateTimeFormatterBuilder's
-- ZoneIdPrinterParser: "+HH:MM[:ss]", UTC/UT/GMT alone or before such an offset, GMT0, the
-- longest tz database id, Z) and z (the same offsets and prefixes, then Java 17's tree of ids and
-- names, which has no Etc/GMT+5: it reads "Etc/GMT" and leaves "+5", so NULL; checked with
-- Java 17's DateTimeFormatter), the local time then read in the zone
-- parsed (ZonedDateTime.of: a gap moves it later, an overlap takes the earlier offset); text
-- that does not parse is NULL.  date_format prints the session zone, UTC: VV and z "UTC",
-- zzzz "Coordinated Universal Time".  expected.out checked with python3's zoneinfo.
CREATE SOURCE e (id INT, s STRING) WITH (connector = 'files', path = 'data/e', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO o
SELECT id, s, to_timestamp(s, 'yyyy-MM-dd HH:mm VV') AS vv, to_timestamp(s, 'yyyy-MM-dd HH:mm z') AS z,
       date_format(to_timestamp(s, 'yyyy-MM-dd HH:mm VV'), 'HH:mm VV z zzzz') AS f
FROM e;
