-- first/last of DECIMAL columns (18 digits or fewer, and more) and approx_count_distinct of a
-- DECIMAL(25,3), three batches of one file each.
CREATE SOURCE events (k STRING, a DECIMAL(10,2), b DECIMAL(25,3))
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, first(a) AS fa, first(a, true) AS fai, last(a) AS la, last(a, true) AS lai,
       first(b) AS fb, first(b, true) AS fbi, last(b) AS lb, last(b, true) AS lbi, count(*) AS c
FROM events GROUP BY k ORDER BY k
WITH (name = 'firstlast', outputMode = 'complete');
INSERT INTO out
SELECT approx_count_distinct(b) AS hb,
       approx_count_distinct(a) AS ha, approx_count_distinct(CAST(a AS DECIMAL(20,2))) AS ha20,
       count(b) AS nb, count(*) AS n
FROM events
WITH (name = 'distinct', outputMode = 'complete');
