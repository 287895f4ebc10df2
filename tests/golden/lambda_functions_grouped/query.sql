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
