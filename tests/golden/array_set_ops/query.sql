-- array_union (ArrayUnion: the distinct elements of a then b, first appearance, one NULL),
-- array_intersect (ArrayIntersect: the distinct elements of a also in b, NULL when both have
-- one) and array_except (ArrayExcept: those not in b); NaN equals NaN (SQLOpenHashSet's NaN
-- check); NULL when either array is.
CREATE SOURCE e (a ARRAY<INT>, b ARRAY<INT>, c ARRAY<DOUBLE>, d ARRAY<DOUBLE>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT array_union(a, b) AS u, array_intersect(a, b) AS i, array_except(a, b) AS x,
       array_union(c, d) AS ud, array_intersect(c, d) AS id, array_except(c, d) AS xd
FROM e;
