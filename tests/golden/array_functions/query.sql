-- Spark 3.5's collectionExpressions.scala (non-ANSI):
-- ElementAt: 1-based, negative from the end, NULL out of range (INT_MIN too).
-- ArrayContains: true if an element equals v; else NULL if an element is NULL; else false;
--   NULL for a NULL array or v.  ArrayPosition: first 1-based position (BIGINT), 0 if none,
--   NULL elements skipped.  0.0 = -0.0 and NaN = NaN as `=` compares doubles.
-- ArraySize: Size(legacySizeOfNull = false), NULL for NULL; cardinality is Size: -1.
-- ArrayJoin: NULL elements skipped, or replaced when a replacement is given; an array of
--   numbers is cast to ARRAY<STRING> first (doubles as Spark prints them: -0.0, NaN).
-- ArrayMax/ArrayMin: NULL elements skipped, NaN the greatest double, NULL when none.
-- SortArray: stable, NULLs first ascending and last descending, NaN the greatest double and
--   -0.0 equal to 0.0 (compareDoubles), strings by their bytes.
-- ArrayDistinct: the first of equal elements in order, one NULL, one NaN; 0.0 and -0.0 are
--   both kept (keys of a hash set of doubles, whose hashes differ).
-- Slice(arr, start, length): from the 1-based start (negative: from the end), an empty
--   array when start is out of range.
-- Expected rows worked out by hand from these rules (and python3 for the lists).
CREATE SOURCE s (s STRING, xs ARRAY<INT>, ds ARRAY<DOUBLE>, i INT, v INT, ss ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT element_at(xs, i) AS ea, element_at(split(s, ','), -1) AS last, array_contains(xs, v) AS c,
       array_contains(ds, 0.0D) AS cz, array_contains(ds, CAST('NaN' AS DOUBLE)) AS cnan,
       array_position(xs, v) AS p, array_size(xs) AS sz, cardinality(xs) AS card,
       array_join(split(s, ','), '-') AS j, array_join(split(s, ','), '-', '?') AS jr,
       array_max(xs) AS mx, array_min(ds) AS mn, array_max(ds) AS mxd, slice(xs, i, 2) AS sl,
       array_join(ss, ',') AS js, array_join(ss, ',', 'NULL') AS jsn, array_contains(ss, 'b') AS cb,
       array_max(ss) AS mxs, sort_array(xs) AS sa, sort_array(ds, false) AS sdd, sort_array(ss) AS sss,
       array_distinct(xs) AS dx, array_distinct(ds) AS dd, array_distinct(ss) AS dss,
       array_join(xs, ',') AS jx, array_join(ds, '|', 'n') AS jd
FROM s;
