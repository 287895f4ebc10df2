-- A GROUP BY position inside ROLLUP, CUBE or GROUPING SETS with a star in the select list:
-- Spark's ResolveReferences expands the star first (it refuses a star only when a plain key
-- is a position, STAR_GROUP_BY_POS), then ResolveOrdinalInOrderByAndGroupBy resolves the
-- position against the expanded list, so 1 is action and 2 is n.
-- Expected, by hand over (a, 1), (b, 2), (a, 1), (b, NULL):
--   CUBE(1, 2): (a,1) 2, (b,2) 1, (b,NULL) 1 [the NULL n], (a,*) 2, (b,*) 2, (*,1) 2, (*,2) 1,
--   (*,NULL) 1 [the NULL n], (*,*) 4; g tells the rolled-up key (grouping_id, action's bit
--   first): ORDER BY 1, 2, g puts NULLs first, the row of NULL n before the rolled-up one.
--   GROUPING SETS((2, 1), (1), ()) with t.*: (a,1) 2, (b,2) 1, (b,NULL) 1, a 2, b 2, total 4.
--   ROLLUP(2, 1) without aggregates: (1,a), (2,b), (NULL,b), then (1), (2), (NULL), ().
CREATE TABLE t (action STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT *, count(*) AS c, grouping_id() AS g FROM t GROUP BY CUBE(1, 2) ORDER BY 1, 2, g;
SELECT t.*, count(*) AS c FROM t GROUP BY GROUPING SETS((2, 1), (1), ()) ORDER BY 1, 2, c;
SELECT *, grouping_id() AS g FROM t GROUP BY ROLLUP(2, 1) ORDER BY 2, 1, g;
