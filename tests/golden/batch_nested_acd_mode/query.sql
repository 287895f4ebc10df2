-- approx_count_distinct of MAP, ARRAY and STRUCT values and mode of a MAP in a batch query:
-- see test.conf.  Rows in file order:
--   x: m {a -> 1, b -> 2}, {a -> 1, b -> 2}, {b -> 2, a -> 1}, {a -> NULL}, NULL;
--      arr [1, 2, 3], [3, 2, 1], [1, 2, 3], [NULL], NULL;
--      s {1, [p, q]}, {1, [p]}, {1, [p, q]}, {NULL, NULL}, NULL
--   y: all NULL
--   z: m {}, {c -> 3}; arr [], [7]; s {7, []}, {7, [a-much-longer-string-of-40-bytes-or-so!!]}
CREATE TABLE t (k STRING, m MAP<STRING, INT>, arr ARRAY<INT>, s STRUCT<n: INT, l: ARRAY<STRING>>)
  WITH (connector = 'files', path = 'data/t', format = 'json');

SELECT k, approx_count_distinct(m) AS am, approx_count_distinct(arr) AS aa,
       approx_count_distinct(s) AS a_s, mode(m) AS mm
FROM t GROUP BY k ORDER BY k
WITH (truncate = false);
