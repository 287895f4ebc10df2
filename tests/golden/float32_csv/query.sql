-- REAL is FLOAT, Spark's FloatType, here read from CSV.
CREATE SOURCE cs (k STRING, f REAL)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true);
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK cs_out WITH (connector = 'files', path = 'out', format = 'csv');
INSERT INTO out SELECT k, f, f * 2 AS twice, f > 1 AS gt_one FROM cs WITH (name = 'csv_read');
INSERT INTO out
SELECT f, count(*) AS c, min(k) AS first_k FROM cs GROUP BY f
WITH (name = 'float_key', outputMode = 'complete');
INSERT INTO cs_out SELECT k, f FROM cs WITH (name = 'csv_sink', checkpointLocation = 'ckpt');
