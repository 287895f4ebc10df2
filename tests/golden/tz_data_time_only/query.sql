-- A time alone with a region zone (stringToTimestamp: LocalDate.now(zoneId), today's date in
-- that zone, then ZonedDateTime.of with the time): only the time of day is shown, which is
-- the same every day for zones without daylight saving (Kolkata +05:30, Tokyo +09:00,
-- Kathmandu +05:45).  An unknown zone and a zone after the minutes are NULL.  Recomputed
-- with python3's zoneinfo by tests/tools/check_tz_data.py.
CREATE SOURCE e (id INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, date_format(CAST(s AS TIMESTAMP), 'HH:mm:ss.SSS') AS utc_time FROM e;
