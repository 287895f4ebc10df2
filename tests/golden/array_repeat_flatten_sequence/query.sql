-- array_repeat (ArrayRepeat: a negative count is empty, a NULL count NULL), flatten (Flatten:
-- NULL when an inner array is), concat of arrays (Concat: NULL when any argument is),
-- array_remove (ArrayRemove: NULL elements stay; a NULL value gives NULL), arrays_overlap
-- (ArraysOverlap: true on a common non-NULL element, else NULL when both are non-empty and a
-- NULL element exists, else false: [] and [null] is false), sequence (Sequence of integers:
-- step 1 or -1 by direction, [1, 4, 7, 10] by 3, [x] when start = stop).
CREATE SOURCE e (a ARRAY<INT>, b ARRAY<INT>, x INT, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT array_repeat(x, n) AS rp, flatten(array(a, b)) AS fl, concat(a, b) AS ct,
       array_remove(a, x) AS rm, arrays_overlap(a, b) AS ov, sequence(x, n) AS sq,
       sequence(1, 10, 3) AS s3, sequence(5, 1) AS sd
FROM e;
