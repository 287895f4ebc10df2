-- Region zones found in data, read at run time from the tz database of the machine that runs
-- the query (runtime/src/core/srt_zone.c) as Spark reads them per row: CAST(s AS TIMESTAMP),
-- to_timestamp(s) and a JSON TIMESTAMP column of the same text (stringToTimestamp: getZoneId,
-- then ZonedDateTime.of: a gap moves the time later, an overlap takes the earlier offset; an
-- unknown zone, a lowercase id, "Europe//Paris" or a zone after the minutes is NULL), and
-- from_utc_timestamp/to_utc_timestamp with the zone a column (fromUTCTime/toUTCTime, getZoneId
-- per row; a NULL zone is NULL).  expected.out is recomputed with python3's zoneinfo by
-- tests/tools/check_tz_data.py (ctest tz_data_zoneinfo).
CREATE SOURCE e (id INT, s STRING, t TIMESTAMP, u TIMESTAMP, tz STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 100);
INSERT INTO o
SELECT id, CAST(s AS TIMESTAMP) AS c, to_timestamp(s) AS tt, t,
       from_utc_timestamp(u, tz) AS f, to_utc_timestamp(u, tz) AS g
FROM e;
