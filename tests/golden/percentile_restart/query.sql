-- median and percentile over four micro-batches (one file each) and two restarts.  Spark's
-- Percentile (aggregate/percentiles.scala): the non-NULL values are counted per distinct value
-- and sorted (NaN above every double); at percentage p the position (count - 1) * p falls
-- between the ranks floor and ceil, and the result is the value there, or the linear
-- interpolation (ceil - pos) * lower + (pos - floor) * higher; DOUBLE, NULL without values.
-- median(x) is percentile(x, 0.5) named median(x) (Median, Spark 3.4+).
CREATE SOURCE t (g STRING, n INT, d DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, median(n), percentile(n, 0.25), percentile(d, 0.5) AS pd, PERCENTILE(d, 1) AS p1,
       percentile(d, 0) AS p0, percentile(n, .9) AS p9, median(d) AS md
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT g, median(n) AS mn, percentile(d, 0.75) AS p75
FROM t
GROUP BY g
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
