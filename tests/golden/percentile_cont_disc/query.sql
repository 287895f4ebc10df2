-- percentile_cont(p) and percentile_disc(p) WITHIN GROUP (ORDER BY x [ASC | DESC]) (Spark 3.5's
-- PercentileCont and PercentileDisc, aggregate/percentiles.scala) over two micro-batches in
-- complete mode; expected output from model.py.  PercentileCont is Percentile(x, p, reverse):
-- the sorted non-NULL values (descending for DESC), at position (n - 1) * p the interpolation
-- of the ranks floor and ceil; PercentileDisc (SPARK-44871) the value at rank ceil(n * p) - 1
-- (the first for p = 0).  Both DOUBLE, NULL without values; columns named
-- `percentile_cont(p) WITHIN GROUP (ORDER BY v)` whatever x is (PercentileCont.sql).
CREATE SOURCE t (k STRING, v INT, d DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k,
       percentile_cont(0.25) WITHIN GROUP (ORDER BY v),
       percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC),
       PERCENTILE_DISC(0.25) within group (order by v),
       percentile_disc(0.25) WITHIN GROUP (ORDER BY v DESC NULLS FIRST),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS cd,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY d DESC) AS cdd,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY d) AS dd,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY d DESC) AS ddd,
       percentile_disc(0) WITHIN GROUP (ORDER BY d) AS d0,
       percentile_disc(1) WITHIN GROUP (ORDER BY d) AS d1,
       percentile_cont(1.0) WITHIN GROUP (ORDER BY v DESC) AS c1,
       percentile_disc(0.7) WITHIN GROUP (ORDER BY v) FILTER (WHERE d > 0) AS dpos,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY v * 2),
       median(v) AS med
FROM t
GROUP BY k
ORDER BY k
WITH (name = 'pct', outputMode = 'complete', checkpointLocation = 'chk/pct');
