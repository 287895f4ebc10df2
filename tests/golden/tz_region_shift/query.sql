-- from_utc_timestamp / to_utc_timestamp with region zones (Spark's DateTimeUtils.convertTz):
-- rows around the 2016 changes of Paris (gap 02:00-03:00 local on March 27, overlap on
-- October 30), New York (March 13, November 6), Lord Howe (30 minutes: April 3, October 2),
-- Apia's skipped 2011-12-30, rule years 2099 (after the tz database's last transition),
-- local mean time in 1890, Dublin's 1971 change (negative DST), 'PST' and 'MIT' (ZoneId's
-- SHORT_IDS: America/Los_Angeles, Pacific/Apia).  Expected: tests/tools/tz_golden_reference.py.
CREATE SOURCE e (ts TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT ts,
       from_utc_timestamp(ts, 'Europe/Paris') AS paris_f, to_utc_timestamp(ts, 'Europe/Paris') AS paris_t,
       from_utc_timestamp(ts, 'America/New_York') AS ny_f, to_utc_timestamp(ts, 'America/New_York') AS ny_t,
       from_utc_timestamp(ts, 'Australia/Lord_Howe') AS lh_f,
       to_utc_timestamp(ts, 'Australia/Lord_Howe') AS lh_t,
       from_utc_timestamp(ts, 'PST') AS pst_f, to_utc_timestamp(ts, 'MIT') AS mit_t,
       to_utc_timestamp(ts, 'Europe/Dublin') AS dublin_t
FROM e;
