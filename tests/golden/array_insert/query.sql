-- Spark 3.5's ArrayInsert (collectionOperations.scala, spark.sql.legacy.negativeIndexInArrayInsert
-- false): pos is 1-based; pos > 0 puts v at index pos - 1, the elements from there on one
-- further, NULLs between the last element and v when pos > n + 1; pos < 0 counts from the end,
-- -1 putting v after the last element (index n + pos + 1); a pos below -n puts v first, then
-- -pos - n - 1 NULLs, then the elements (length -pos). NULL when the array or pos is NULL; a
-- NULL v is inserted. The elements and v take their tightest common type (INT and DOUBLE:
-- DOUBLE). Expected values worked out by hand from those rules.
CREATE SOURCE s (id INT, a ARRAY<INT>, p INT, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, array_insert(a, p, v), array_insert(a, 1, 1.5D) AS d,
       array_insert(array('x', 'y'), p, 'é') AS s
FROM s;
