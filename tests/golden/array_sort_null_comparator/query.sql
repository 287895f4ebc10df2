-- A comparator that returns NULL fails the query with Spark 3.5's COMPARATOR_RETURNS_NULL
-- (spark.sql.legacy.allowNullComparisonResultInArraySort false), which names the first
-- argument twice (QueryExecutionErrors.comparatorReturnsNull(o1.toString, o1.toString)).
-- TimSort over [5, 6, 5]: compare(6, 5) = 1 and compare(5, 6) = -1 make the run [5, 6];
-- binarySort's pivot 5 is compared with 6 (-1), then with 5: NULL, so 5 and 5.
CREATE SOURCE s (id INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o
SELECT id, array_sort(xs, (l, r) -> CASE WHEN l < r THEN -1 WHEN l > r THEN 1 END) AS s
FROM s WITH (name = 'nulls');
