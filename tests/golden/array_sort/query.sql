-- array_sort (Spark 3.5's ArraySort, higherOrderFunctions.scala): without a comparator,
-- ascending with NULLs last (NaN the greatest double, -0.0 equal to 0.0, strings by bytes);
-- with (l, r) -> cmp, java.util.Arrays.sort (TimSort: stable; a strictly descending run at
-- the start is reversed, so an always-negative comparator reverses the array).  Expected
-- rows computed with python3 (a stable sort, and the run rule for the constant comparators).
CREATE SOURCE s (id INT, xs ARRAY<INT>, ss ARRAY<STRING>, ds ARRAY<DOUBLE>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, array_sort(xs) AS a, array_sort(ss) AS b, array_sort(ds) AS c,
       array_sort(xs, (l, r) -> CASE WHEN l IS NULL AND r IS NULL THEN 0 WHEN l IS NULL THEN -1
                                     WHEN r IS NULL THEN 1 WHEN l < r THEN 1 WHEN l > r THEN -1
                                     ELSE 0 END) AS d,
       array_sort(ss, (l, r) -> length(coalesce(l, '')) - length(coalesce(r, ''))) AS e,
       array_sort(xs, (l, r) -> -1) AS rev, array_sort(xs, (l, r) -> 1) AS same
FROM s WITH (name = 'sorts');
INSERT INTO o
SELECT array_sort(xs), array_sort(ss, (l, r) -> 0) FROM s WHERE id = 1 WITH (name = 'names');
