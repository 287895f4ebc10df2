-- sum, avg, try_sum and try_avg of ANSI intervals over four micro-batches (one file each) and
-- two restarts on the checkpoint (Spark 3.5's Sum, Average, TrySum, TryAverage).
CREATE SOURCE t (g STRING, d INTERVAL DAY TO SECOND, h INTERVAL HOUR, m INTERVAL MONTH,
                 bd INTERVAL DAY TO SECOND, bm INTERVAL YEAR TO MONTH)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, sum(d), avg(d), sum(h), avg(h), sum(m), avg(m), try_sum(bd) AS tsb,
       try_avg(bd) AS tab, try_sum(bm) AS tsm, try_avg(bm) AS tam, count(*) AS c
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT g, sum(d) AS sd, avg(m) AS am, try_sum(h) AS tsh
FROM t
GROUP BY g
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
