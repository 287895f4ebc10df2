-- A batch query writes a files sink once, as Spark's DataFrameWriter.save: one part file and
-- _SUCCESS, no streaming manifest.
CREATE TABLE t (k INT, name STRING, v DOUBLE, t TIMESTAMP)
WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'files', path = 'out/result', format = 'json');
INSERT INTO out SELECT k, count(*) AS n, max(v) AS top, collect_list(name) AS names, max(t) AS latest
FROM t GROUP BY k ORDER BY k;
