-- first/last with and without ignoring NULLs, three batches of one file each.
CREATE SOURCE events (k STRING, s STRING, n INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, first(s) AS fs, first(s, true) AS fsi, last(s) AS ls, last(s, true) AS lsi,
       first(n) AS fn, FIRST(n, TRUE) AS fni, last(n) AS ln, last(n, true) AS lni,
       first_value(d), last_value(d, false), last(d, true) AS ldi, first(k = 'a'), count(*) AS c
FROM events GROUP BY k ORDER BY k
WITH (outputMode = 'complete');
