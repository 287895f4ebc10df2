-- array_insert(arr, 0, v) (ArrayInsert.nullSafeEval): position 0 fails the query with
-- QueryExecutionErrors.invalidIndexOfZeroError whatever spark.sql.ansi.enabled says; the first
-- row is fine, the second fails batch 0, so nothing is shown.
CREATE SOURCE s (id INT, p INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, array_insert(array(1, 2), p, 3) AS a FROM s WITH (name = 'zero');
