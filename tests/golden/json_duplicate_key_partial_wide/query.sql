-- json_duplicate_key_partial over a wide record and a wide from_json schema (more than 16
-- columns read: the shared per-type readers, which keep a field's earlier value when a later
-- one has the wrong type).  Expected, by hand (PERMISSIVE, Spark 3.5), as the narrow test:
--   1: n 5 (then "x" fails), x 2.5 (then true fails), s "7", b false (then 1 fails): corrupt;
--   2: n "x" fails, then 6: n 6, corrupt;  3: n 1.5 fails: NULL, corrupt;  4: s "[1]".
-- The p columns are in no record: NULL, so the WHERE keeps every row.
CREATE TABLE j (id INT, n INT, x DOUBLE, s STRING, b BOOLEAN, t STRING, p0 BIGINT, p1 BIGINT, p2 BIGINT, p3 BIGINT, p4 BIGINT, p5 BIGINT, p6 BIGINT, p7 BIGINT, p8 BIGINT, p9 BIGINT, p10 BIGINT, p11 BIGINT, p12 BIGINT, p13 BIGINT, p14 BIGINT, p15 BIGINT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT id, n, x, s, b, _corrupt_record FROM j WHERE coalesce(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, 0) = 0 ORDER BY id
  WITH (truncate = false);
SELECT id, f.n, f.x, f.b
  FROM (SELECT id, from_json(t, 'n INT, x DOUBLE, b BOOLEAN, p0 INT, p1 INT, p2 INT, p3 INT, p4 INT, p5 INT, p6 INT, p7 INT, p8 INT, p9 INT, p10 INT, p11 INT, p12 INT, p13 INT, p14 INT, p15 INT') AS f FROM j)
  ORDER BY id WITH (truncate = false);
