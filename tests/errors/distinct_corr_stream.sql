-- expect: 4:27: Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.
CREATE SOURCE s (k STRING, x DOUBLE, y DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, corr(DISTINCT x, y) FROM s GROUP BY k WITH (outputMode = 'complete');
