-- Spark 3.5's higherOrderFunctions.scala over arrays with lambda functions; every result NULL
-- when the array is NULL.
-- ArrayTransform: f(x) or f(x, i) (i the 0-based INT index) of each element.
-- ArrayFilter: the elements for which the predicate is true (NULL drops).
-- ArrayExists (followThreeValuedLogicInArrayExists true): true if the predicate is true for
--   one; else NULL if it is NULL for one; else false.  ArrayForAll: false if false for one;
--   else NULL if NULL for one; else true.
-- ArrayAggregate: acc = zero, acc = merge(acc, x) in order, finish(acc) (identity when absent);
--   reduce is its alias (Spark 3.4), named reduce(...).
-- ResolveLambdaVariables: a lambda variable shadows a column (k -> k is the element, not
--   the column k); other names are columns; x.f of a struct element is its field; a plain
--   expression as the function ignores the element.
-- Expected rows computed with python3 from these rules (tests/golden/lambda_functions/
-- data/part-0.json, the lists in file order).
CREATE SOURCE s (id INT, xs ARRAY<INT>, ss ARRAY<STRING>, k INT, ps ARRAY<STRUCT<a INT, b STRING>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, transform(xs, x -> x + 1) AS t1, transform(xs, (x, i) -> x * 10 + i) AS t2,
       filter(xs, x -> x > 1) AS f1, filter(xs, (x, i) -> i > 0) AS f2,
       exists(xs, x -> x > 3) AS e3, forall(xs, x -> x < 6) AS a6,
       transform(ss, s -> upper(s)) AS u, transform(xs, x -> x + k) AS tk,
       filter(transform(xs, x -> x * 2), y -> y > 2) AS nest
FROM s WITH (name = 'transform_filter');
INSERT INTO o
SELECT id, aggregate(xs, 0, (acc, x) -> acc + x) AS sm,
       aggregate(xs, CAST(0 AS BIGINT), (acc, x) -> acc + coalesce(x, 0), acc -> acc * 10) AS sm10,
       aggregate(ss, '', (acc, s) -> concat(acc, s)) AS cat,
       transform(ps, p -> p.b) AS pb, filter(ps, p -> p.a IS NOT NULL) AS pa,
       transform(xs, k -> k) AS shadow, transform(xs, x -> filter(xs, y -> y > x)) AS nest2,
       transform(xs, x -> 1) AS hid, transform(ss, x -> length(x)) AS lens
FROM s WITH (name = 'aggregate_nested');
INSERT INTO o
SELECT transform(xs, x -> x + 1), exists(ps, p -> p.a > 1), aggregate(xs, 0, (a, x) -> a + x),
       transform(split('a,b', ','), (x, i) -> concat(x, i)) AS sp, reduce(xs, 10, (a, x) -> a - x)
FROM s WHERE id = 1 WITH (name = 'names');
