-- collect_list and collect_set of FLOAT, DATE, TIMESTAMP, BOOLEAN and NULL, two batches.
CREATE SOURCE t (g STRING, f FLOAT, dt DATE, ts TIMESTAMP)
  WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, collect_set(f) AS sf, collect_list(f) AS lf, collect_set(dt) AS sdt,
       collect_list(dt) AS ldt, collect_set(ts) AS sts, collect_list(NULL) AS nothing,
       collect_set(f > 0) AS positive
FROM t GROUP BY g ORDER BY g
WITH (name = 'console', outputMode = 'complete');

