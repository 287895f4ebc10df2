-- inline and inline_outer (Spark's Inline): one row per element of an ARRAY<STRUCT>, its fields
-- as columns (named as the fields, or by a multi-alias); a NULL element is a row of NULLs
-- (Spark 3.3+); a NULL or empty array gives no row, or one row of NULLs with inline_outer.
-- Expected output worked out by hand.
CREATE SOURCE s (k STRING, v ARRAY<STRUCT<x: INT, y: STRING>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT k, inline(v) FROM s;
INSERT INTO o SELECT inline_outer(v) AS (a, b), k FROM s;
INSERT INTO o SELECT k, count(*) AS n, sum(x) AS sx
FROM (SELECT k, inline(v) FROM s) GROUP BY k ORDER BY k WITH (outputMode = 'complete');
