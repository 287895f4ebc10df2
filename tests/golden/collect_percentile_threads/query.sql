-- collect_list, percentile and percentile_approx (no DROP DUPLICATES before them) split into
-- tasks: a task logs every update (group key and arguments) and the fold makes them on the
-- query's thread in input order, so collect_list keeps the order of arrival and each digest
-- holds one thread's values (merging the compressed digests of two tasks, accuracy 20, gives
-- other quantiles: a's first batch -52.95, 6.79, 56.89 from 40 + 55 values instead of -54.79,
-- 11.93, 61.22).  Three batches of 200-300 rows (tasks of 150 bytes and 4 KiB), two restarts
-- from the checkpoint.
CREATE SOURCE t (g STRING, n INT, d DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, count(*) AS c, collect_list(IF(n % 9 = 0, n, NULL)) AS l, percentile(n, 0.5) AS p50,
       percentile(n, 0.1) AS p10, percentile_approx(d, array(0.25, 0.5, 0.75), 20) AS pa
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');
