-- Zone pattern letters: to_timestamp(s, pattern) with VV (DateTimeFormatterBuilder's
-- ZoneIdPrinterParser: "+HH:MM[:ss]", UTC/UT/GMT alone or before such an offset, GMT0, the
-- longest tz database id, Z) and z (the same ids), the local time then read in the zone
-- parsed (ZonedDateTime.of: a gap moves it later, an overlap takes the earlier offset); text
-- that does not parse is NULL.  date_format prints the session zone, UTC: VV and z "UTC",
-- zzzz "Coordinated Universal Time".  expected.out checked with python3's zoneinfo.
CREATE SOURCE e (id INT, s STRING) WITH (connector = 'files', path = 'data/e', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO o
SELECT id, s, to_timestamp(s, 'yyyy-MM-dd HH:mm VV') AS vv, to_timestamp(s, 'yyyy-MM-dd HH:mm z') AS z,
       date_format(to_timestamp(s, 'yyyy-MM-dd HH:mm VV'), 'HH:mm VV z zzzz') AS f
FROM e;
