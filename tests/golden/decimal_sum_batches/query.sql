-- DECIMAL sum, avg, try_sum and try_avg over three micro-batches and a restart: whether a
-- sum overflows follows Spark's partial aggregation and state merge; see test.conf.
CREATE SOURCE t (g STRING, d DECIMAL(38, 0), e DECIMAL(30, 2), f DECIMAL(38, 10))
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, sum(d) AS sd, avg(d) AS ad, try_sum(d) AS td, try_avg(d) AS tad, sum(e) AS se,
       avg(e) AS ae, avg(f) AS af, try_avg(f) AS taf
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT sum(d) AS sd, avg(e) AS ae, avg(f) AS af, count(*) AS n
FROM t
WITH (name = 'total', outputMode = 'complete', checkpointLocation = 'chk/total');
