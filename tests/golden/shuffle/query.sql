-- shuffle(array) (Spark 3.5's Shuffle): the same elements (NULLs and duplicates included) in
-- a random order whose seed is random, as Spark's always is (ResolveRandomSeed): the output
-- shows what does not depend on the order.  An array of 12 distinct elements keeps its order
-- with probability 1 / 12! (about 2e-9).
CREATE SOURCE src (id INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT id, size(shuffle(a)) AS n, array_sort(shuffle(a)) AS sorted,
       shuffle(a) = a OR size(a) < 12 AS same_or_short, shuffle(shuffle(array(a[0]))) AS one,
       typeof(shuffle(a)) AS t
FROM src;
