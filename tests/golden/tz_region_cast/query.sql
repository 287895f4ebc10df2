-- Timestamp strings with a region zone after the time (Spark's stringToTimestamp: the zone
-- read by getZoneId, then ZonedDateTime.of: a gap moves the time later, an overlap takes the
-- earlier offset): constants are converted by the compiler from its tz database.  Paris'
-- 2016-03-27 02:30 is in the gap (01:30 UTC), 2016-10-30 02:30:00.5 in the overlap (+02:00,
-- 00:30:00.5 UTC); 10:00 EDT is 14:00 UTC; PST (ZoneId.SHORT_IDS) is America/Los_Angeles,
-- 10:00 PDT = 17:00 UTC; an unknown zone is no timestamp (NULL).  A column read at run time
-- converts a fixed offset, and a region zone from the tz database of the machine that runs
-- it (srt_zone.c): 10:00 CEST is 08:00 UTC (python3's zoneinfo).  make_timestamp with a region zone (MakeTimestamp: ldt.atZone):
-- Paris' gap again, 01:30 UTC; an unknown zone is NULL (MakeTimestamp.doGenCode catches
-- getZoneId's DateTimeException).
CREATE SOURCE e (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT CAST('2016-03-27 02:30:00 Europe/Paris' AS TIMESTAMP) AS gap,
       CAST('2016-10-30 02:30:00.5 Europe/Paris' AS TIMESTAMP) AS overlap,
       CAST('2016-07-26T10:00:00America/New_York' AS TIMESTAMP) AS ny,
       CAST('2016-07-26 10:00:00 PST' AS TIMESTAMP) AS pst,
       CAST('2016-07-26 10:00:00 Mars/Olympus' AS TIMESTAMP) AS unknown,
       CAST(s AS TIMESTAMP) AS col,
       make_timestamp(2016, 3, 27, 2, 30, 0, 'Europe/Paris') AS mk,
       make_timestamp(2016, 3, 27, 2, 30, 0, 'Mars/Olympus') AS mk2
FROM e;
