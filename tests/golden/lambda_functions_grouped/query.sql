-- Higher-order functions in a batch query's WHERE, GROUP BY, aggregates and ORDER BY (Spark 3.5:
-- a lambda function spelled with other names is the same expression, its variables
-- canonicalized, so the select item below is the GROUP BY key; a lambda's body may read an
-- aggregate of the group).  Rows of data/part-0.json (python3 over the file):
--   exists(xs, x -> x IS NOT NULL) keeps ids 1 ([1,2,3]), 2 ([5,NULL,-1]), 5 ([NULL,1]);
--   transform(xs, x -> x > 0): [true,true,true], [true,NULL,false], [NULL,true], one row each.
--   GROUP BY k, xs: transform(xs, x -> x + sum(id)) adds the group's id to each element.
CREATE TABLE s (id INT, xs ARRAY<INT>, ss ARRAY<STRING>, k INT, ps ARRAY<STRUCT<a INT, b STRING>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT transform(xs, y -> y > 0) AS pos, count(*) AS n,
       aggregate(collect_list(id), 0, (acc, i) -> acc + i) AS ids
FROM s WHERE exists(xs, x -> x IS NOT NULL)
GROUP BY transform(xs, x -> x > 0) ORDER BY ids;
INSERT INTO o
SELECT k, transform(xs, x -> x + sum(id)) AS t, forall(collect_list(id), i -> i > k) AS gt
FROM s GROUP BY k, xs ORDER BY k;
-- Structs, decimals and arrays through lambdas: the average of xs with a struct accumulator
-- (sum of coalesce(x, 0) / count: 6/3 = 2.0, 4/3, 0/0 = NULL (non-ANSI), NULL array, 1/2);
-- struct(x, x + 1) names its fields x (a lambda variable is a NamedExpression) and col2;
-- DECIMAL(2,1) * 2 is DECIMAL(4,1); an ARRAY accumulator grows by concat.
INSERT INTO o
SELECT id,
  aggregate(xs, named_struct('s', 0, 'c', 0),
            (acc, x) -> named_struct('s', acc.s + coalesce(x, 0), 'c', acc.c + 1),
            acc -> acc.s / acc.c) AS avg,
  transform(xs, x -> struct(x, x + 1)) AS st, transform(array(1.5, 2.5), x -> x * 2) AS dec,
  transform(ss, (s, i) -> array(s, s)) AS arr2,
  aggregate(ss, array('z'), (acc, s) -> concat(acc, array(s))) AS accarr,
  filter(ss, s -> s IS NULL) AS nulls
FROM s ORDER BY id;
-- GROUP BY ALL: a lambda's variables are not columns, so this is a global aggregate
-- (1 + 2 + 3 + 4 + 5 = 15).
INSERT INTO o SELECT aggregate(collect_list(id), 0, (a, x) -> a + x) AS total FROM s GROUP BY ALL;
