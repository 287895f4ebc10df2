-- zip_with(left, right, (x, y) -> f) (Spark 3.5's ZipWith, higherOrderFunctions.scala):
-- f of the elements at each index below the longer array's length, the shorter array's
-- missing elements NULL; NULL when either array is.  Expected rows computed with python3
-- from these rules (data/part-0.json).
CREATE SOURCE s (id INT, xs ARRAY<INT>, ys ARRAY<INT>, ss ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, zip_with(xs, ys, (x, y) -> x + y) AS sums,
       zip_with(xs, ss, (x, s) -> concat(coalesce(s, '-'), ':', coalesce(CAST(x AS STRING), '?'))) AS tags,
       zip_with(ys, xs, (a, b) -> a IS NULL OR b IS NULL) AS gaps,
       zip_with(xs, ys, (x, y) -> zip_with(ss, ss, (p, q) -> concat(p, q))) AS nest,
       size(zip_with(xs, ys, (x, y) -> 0)) AS n
FROM s WITH (name = 'zip');
INSERT INTO o
SELECT zip_with(xs, ys, (x, y) -> x * y) FROM s WHERE id = 1 WITH (name = 'names');
