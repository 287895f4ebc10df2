-- make_timestamp with the zone a column (MakeTimestamp: getZoneId(tz.toString) per row, then
-- ldt.atZone(zoneId): a gap moves the time later, an overlap takes the earlier offset); an
-- unknown zone is NULL (the generated code catches getZoneId's DateTimeException; getZoneId does
-- not trim, so ' Europe/Paris' is unknown), a NULL zone is NULL.  Recomputed with python3's
-- zoneinfo by tests/tools/check_tz_data.py.
CREATE SOURCE e (id INT, tz STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, make_timestamp(2021, 3, 28, 2, 30, 0, tz) AS spring,
       make_timestamp(2021, 10, 31, 2, 30, 0.5, tz) AS autumn
FROM e;
