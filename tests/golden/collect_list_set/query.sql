-- collect_list and collect_set over three batches (one file each), in update and complete mode.
CREATE SOURCE events (k STRING, s STRING, n INT, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, collect_list(s), collect_set(s), collect_list(n) AS ln, COLLECT_SET(n) AS sn,
       collect_list(d) AS ld, collect_set(d) AS sd, collect_set(b) AS sb,
       size(collect_list(s)) AS size_ls, size(collect_set(d)) AS size_sd
FROM events GROUP BY k
WITH (name = 'updates', outputMode = 'update');

INSERT INTO out
SELECT k, collect_list(s) AS ls, collect_set(s) AS ss, collect_set(n + 1) AS sn1, count(*) AS c
FROM events GROUP BY k ORDER BY k
WITH (name = 'complete', outputMode = 'complete');

INSERT INTO out
SELECT collect_list(k) AS keys, collect_set(k) AS distinct_keys, collect_set(d) AS sd
FROM events
WITH (name = 'global', outputMode = 'complete');
