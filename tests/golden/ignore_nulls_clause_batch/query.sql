-- IGNORE NULLS / RESPECT NULLS in a batch query (the data of golden first_last, read in file
-- order), and the words ignore and respect still names where no call precedes them.
-- Rows per k, in order (s, n, d):
--   a: (NULL, NULL, 1.5), (x, 1, NULL), (y, NULL, 2.5), (z, 3, NULL)
--   b: (héllo, 2, -0.0), (NULL, NULL, NULL), (v, 5, 7.0)
--   c: (NULL, NULL, NULL), (w, 4, NaN)
-- Expected, by hand (the clause is not in a column's name; RESPECT NULLS on any aggregate
-- changes nothing, Spark 3.5's ResolveFunctions only reads IGNORE NULLS):
--   first(s) IGNORE NULLS: a x, b héllo, c w       last(s) IGNORE NULLS: a z, b v, c w
--   last_value(d) RESPECT NULLS: a NULL, b 7.0, c NaN
--   any_value(n IGNORE NULLS): a 1, b 2, c 4       max(n) RESPECT NULLS: a 3, b 5, c 4
--   count(s) RESPECT NULLS: a 3, b 2, c 1          first(d): a 1.5, b -0.0, c NULL
--   fdi = first(d) IGNORE NULLS: a 1.5, b -0.0, c NaN
--   ldi = last(d, false) IGNORE NULLS: a 2.5, b 7.0, c NaN
-- The second query selects the column `ignore` as `nulls` and sorts by `ignore NULLS FIRST`,
-- then `respect NULLS LAST`: (a, 1), (a, 3), (a, NULL), (a, NULL), (b, 2), (b, 5), (b, NULL),
-- (c, 4), (c, NULL).  The third names a LATERAL VIEW `ignore` and its column `nulls`: the
-- rows of c, (c, NULL), (c, 4), in file order.
CREATE TABLE t (k STRING, s STRING, n INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT k, first(s) IGNORE NULLS, last(s) IGNORE NULLS, last_value(d) RESPECT NULLS,
       any_value(n IGNORE NULLS), max(n) RESPECT NULLS, count(s) RESPECT NULLS, first(d),
       first(d) IGNORE NULLS AS fdi, last(d, false) IGNORE NULLS AS ldi
FROM t GROUP BY k ORDER BY k;
SELECT ignore nulls, respect FROM (SELECT k AS ignore, n AS respect FROM t)
ORDER BY ignore NULLS FIRST, respect NULLS LAST;
SELECT k, ignore.nulls FROM t LATERAL VIEW explode(array(n)) ignore nulls WHERE k = 'c';
