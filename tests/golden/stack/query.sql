-- stack(n, v1, ..., vk) (Spark's Stack): n rows per input row of ceil(k / n) columns col0,
-- col1, ..., filled row after row, the last row padded with NULLs; a column's values must
-- have one type, a NULL literal taking its column's first other type (StackCoercion), a
-- column of NULLs only being of NullType.
CREATE SOURCE s (id INT, a INT, b INT, name STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
-- 5 values in 3 rows of 2 columns: (k1, a), (k2, b), (k3, NULL)
INSERT INTO o
SELECT id, stack(3, 'k1', a, 'k2', b, 'k3') AS (k, v) FROM s WITH (name = 'unpivot');
-- 6 values in 2 rows: col0 INT, col1 of NULLs only, col2 STRING (its NULL cast to STRING)
INSERT INTO o
SELECT stack(2, id, NULL, name, NULL, NULL, 'k') FROM s WITH (name = 'nulls');
