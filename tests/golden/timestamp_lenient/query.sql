-- Spark's lenient string -> timestamp rule (stringToTimestamp), one rule for literals the
-- compiler folds, CAST at run time and JSON timestamp columns; a processing-time trigger
-- written with a millisecond unit.
CREATE SOURCE events (s STRING, t TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO out
SELECT s, CAST(s AS TIMESTAMP) AS cast_ts, t AS json_ts, CAST(s AS DATE) AS cast_date
FROM events WITH (name = 'lenient', trigger = '500 milliseconds');
INSERT INTO out
SELECT CAST('2016-7-6' AS TIMESTAMP) AS short_date, CAST('2016-07-26T04:54:35+0200' AS TIMESTAMP) AS offset,
       CAST('2016-07-26 02:54:35 UTC' AS TIMESTAMP) AS utc, CAST(' 2016-7-6 1:2:3 ' AS DATE) AS d,
       count(*) AS n
FROM events WITH (name = 'literals', outputMode = 'complete', trigger = 'interval 1 second 500 milliseconds');
