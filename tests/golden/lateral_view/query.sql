-- LATERAL VIEW [OUTER] generator(args) table [AS cols] (Spark's Generate: every input column,
-- then the generator's, qualified by the table alias). Expected output worked out by hand:
--  1. explode of [1,2,3], NULL, [], [4,NULL]: a 1, a 2, a 3, d 4, d NULL (no row for b, c).
--  2. OUTER without names: the column is `col`, and b and c get one row of NULL.
--  3. two views, the second over the first: x >= 2 keeps a's 2 and 3 (d's NULL >= 2 is NULL,
--     4 stays), each with every entry of m (posexplode's default names pos, key, value).
--  4. json_tuple's c0, c1 per row (NULL for a NULL or malformed json), then explode(arr) in
--     the select list over them: rows only where arr has elements.
--  5. OUTER explode of a map: a NULL or empty map gives one row of NULL key and value.
--  6. stack(2, k, 1, k, 2) AS a, b: two rows per input row; WHERE on a generated column.
--  7. count(*) per generated x (OUTER: b, c and d's NULL element are the NULL group, 3 rows).
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>, js STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT k, x FROM s LATERAL VIEW explode(arr) t AS x;
INSERT INTO o SELECT k, t.col FROM s LATERAL VIEW OUTER explode(arr) t;
INSERT INTO o SELECT s.k, t.x, u.pos, u.key, value
FROM s LATERAL VIEW explode(arr) t AS x LATERAL VIEW posexplode(m) u WHERE x >= 2;
INSERT INTO o SELECT k, j.c0, j.c1, explode(arr) AS e FROM s LATERAL VIEW json_tuple(js, 'a', 'b') j;
INSERT INTO o SELECT k, key, value FROM s LATERAL VIEW OUTER explode(m) t;
INSERT INTO o SELECT k, a, b FROM s LATERAL VIEW stack(2, k, 1, k, 2) st AS a, b WHERE st.a <> 'c';
INSERT INTO o SELECT x, count(*) AS n FROM s LATERAL VIEW OUTER explode(arr) t AS x
GROUP BY x ORDER BY x WITH (outputMode = 'complete');
