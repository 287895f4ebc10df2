-- arrays_zip (Spark's ArraysZip): an array of structs as long as the longest array, a shorter
-- array's field NULL past its end, NULL when any array is NULL; a field is named as the column
-- it is, else by its position from 0 (to_json shows the names; a NULL field is left out).
-- Expected output worked out by hand.
CREATE TABLE t (k STRING, x DOUBLE, a ARRAY<INT>, s ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT k, size(arrays_zip(a, s)) AS n, element_at(arrays_zip(a, s), 2) AS e2,
       to_json(element_at(arrays_zip(a, s), 3)) AS j3, to_json(element_at(arrays_zip(a, s), 1)) AS j1,
       to_json(element_at(arrays_zip(a, array(x, x + 1)), 2)) AS j2, arrays_zip(s) AS z3
FROM t ORDER BY k;
