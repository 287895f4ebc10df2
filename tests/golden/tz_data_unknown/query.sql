-- from_utc_timestamp with the zone a column: an unknown zone in a row fails the query with
-- java.time's message (Spark's non-foldable FromUTCTimestamp calls DateTimeUtils.fromUTCTime,
-- whose getZoneId throws ZoneRulesException "Unknown time-zone ID: Mars/Olympus"; the task
-- fails); a NULL zone is NULL (nullSafeEval).
CREATE SOURCE e (id INT, u TIMESTAMP, tz STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, from_utc_timestamp(u, tz) AS f FROM e;
