-- regr_count, regr_avgx, regr_avgy, regr_sxx, regr_syy, regr_sxy, regr_slope, regr_intercept
-- and regr_r2 of (y, x) over four micro-batches and two restarts: see test.conf.
CREATE SOURCE t (g STRING, y DOUBLE, x DOUBLE, i INT, d DECIMAL(6, 2), s STRING)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, regr_count(y, x) AS c, regr_avgx(y, x) AS ax, regr_avgy(y, x) AS ay,
       regr_sxx(y, x) AS sxx, regr_syy(y, x) AS syy, regr_sxy(y, x) AS sxy,
       regr_slope(y, x) AS slope, regr_intercept(y, x) AS icpt, regr_r2(y, x) AS r2,
       regr_avgx(i, d) AS axd, regr_count(s, i) AS cs, REGR_SLOPE(i, s) AS sis
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT regr_syy(i, x), regr_r2(y, x) FILTER (WHERE g = 'a') AS r2a, regr_avgy(i, y) AS ayi,
       regr_intercept(y, i) AS ii, regr_sxy(s, d) AS sxyd, count(*) AS n
FROM t
WITH (name = 'total', outputMode = 'complete', checkpointLocation = 'chk/total');
