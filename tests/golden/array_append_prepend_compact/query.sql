-- array_append, array_prepend (Spark 3.5: ArrayInsert(arr, 1, v)) and array_compact (ArrayFilter
-- of IS NOT NULL).  The value and the elements are cast to their tightest common type
-- (array_prepend(array(1, 2), 1.23D) is [1.23, 1.0, 2.0], as Spark's documentation shows); a NULL
-- array gives NULL, a NULL value is added as an element.  Expected output worked out by hand.
CREATE TABLE t (a ARRAY<INT>, s ARRAY<STRING>, n BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT array_append(a, 4) AS a1, array_prepend(a, n) AS p1, array_append(s, NULL) AS a2,
       array_prepend(s, 'y') AS p2, array_compact(a) AS c1, array_compact(s) AS c2,
       array_append(array_compact(a), n) AS c3
FROM t;
SELECT array_append(array(1, 2), 3) AS a1, array_prepend(array(1, 2), 1.23D) AS p1,
       array_append(array(1), 5000000000) AS a4, array_compact(array(1, NULL, 2, NULL)) AS c1,
       array_compact(array(CAST(NULL AS INT))) AS c3,
       array_append(array(CAST('2024-01-01' AS DATE)), CAST('2024-01-02 10:00:00' AS TIMESTAMP)) AS a5
FROM t WHERE n = 7;
