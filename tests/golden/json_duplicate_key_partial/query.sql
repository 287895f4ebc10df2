-- Expected, by hand (PERMISSIVE, Spark 3.5):
--   1: n 5 (then "x" fails), x 2.5 (then true fails), s "7" (a STRING takes any value's text),
--      b false (then 1 fails): corrupt, the line;  2: n "x" fails, then 6: n 6, corrupt;
--   3: n 1.5 fails: NULL, corrupt;  4: s "q" then [1]: "[1]", not corrupt.
-- from_json of the same objects (the t column) gives the same fields.
CREATE TABLE j (id INT, n INT, x DOUBLE, s STRING, b BOOLEAN, t STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT id, n, x, s, b, _corrupt_record FROM j ORDER BY id WITH (truncate = false);
SELECT id, from_json(t, 'n INT, x DOUBLE, b BOOLEAN') AS f FROM j ORDER BY id WITH (truncate = false);
