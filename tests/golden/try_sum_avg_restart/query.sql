-- try_sum and try_avg next to sum and avg, over four micro-batches and two restarts.
CREATE SOURCE t (g STRING, i BIGINT, n INT, x DOUBLE, ds STRING, st STRING)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, try_sum(i), sum(i) AS s, try_avg(i) AS ta, TRY_SUM(n) AS tn, try_sum(x) AS tx,
       try_avg(x) AS tax, try_sum(CAST(ds AS DECIMAL(38, 0))) AS td,
       try_avg(CAST(ds AS DECIMAL(38, 0))) AS tad, try_sum(st) AS tst
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT try_sum(i) AS ts, sum(i) AS s, try_sum(i) FILTER (WHERE g = 'b') AS tb,
       try_avg(n) AS tan, count(*) AS c
FROM t
WITH (name = 'total', outputMode = 'complete', checkpointLocation = 'chk/total');
