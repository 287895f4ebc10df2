-- Spark 3.5's Count(children) with several children: a row counts when no child is NULL.
-- Rows (k, a, b, c, m):
--   x: (1, p, 1.0, [1]), (NULL, q, 2.0, [2]), (3, NULL, 3.0, NULL)
--   y: (4, r, NULL, []), (5, s, 5.0, [5]), (NULL, NULL, NULL, NULL)
-- count(a, b):               x 1 (row 1)           y 2 (rows 1, 2)
-- count(a, b, c):            x 1 (row 1)           y 1 (row 2)
-- count(b, m):               x 2 (rows 1, 2)       y 2 (an empty array is no NULL)
-- count(a, b) FILTER c > 1:  x 0 (row 1 has c = 1) y 1 (row 2; row 1's c is NULL)
-- count(a, 1):               x 2                   y 2
-- count(1, NULL):            0                     0
-- count(a):                  x 2                   y 2
CREATE SOURCE e (k STRING, a INT, b STRING, c DOUBLE, m ARRAY<INT>)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, count(a, b), count(a, b, c) AS abc, count(b, m) AS bm,
       count(a, b) FILTER (WHERE c > 1) AS abf, count(a, 1) AS a1, count(1, NULL) AS n0, count(a)
FROM e GROUP BY k ORDER BY k
WITH (outputMode = 'complete');
