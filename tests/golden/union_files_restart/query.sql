-- UNION ALL of two files sources whose columns have other types, restarted from the checkpoint
-- twice with new files in one source only.  Columns by position, names from the first branch,
-- types widened as Spark's WidenSetOperationTypes: STRING and BIGINT give STRING, INT and
-- DOUBLE give DOUBLE, DATE and TIMESTAMP give TIMESTAMP.  Each run reads only the new files:
-- the offsets log keeps one line per source.
CREATE SOURCE a (k STRING, n INT, d DATE)
  WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (id BIGINT, x DOUBLE, t TIMESTAMP)
  WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, n, d FROM a
UNION ALL
SELECT id, x, t FROM b
WITH (name = 'rows', checkpointLocation = 'chk/rows');

INSERT INTO out
SELECT k, count(*) AS c, sum(n) AS total, max(d) AS latest
FROM (SELECT k, n, d FROM a UNION ALL SELECT id, x, t FROM b)
GROUP BY k
WITH (name = 'totals', outputMode = 'update', checkpointLocation = 'chk/totals');
