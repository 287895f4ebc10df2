-- Spark 3.5: mean is Average; array_agg CollectList (named collect_list(s)); any_value AnyValue
-- (First without ignoreNulls); bool_and/every Min and bool_or/some/any Max of a BOOLEAN (NULLs
-- skipped, NULL when every value is); count_if(c) Count(NullIf(c, false)); agg(x) FILTER (WHERE c)
-- feeds agg the rows where c is true (a NULL c drops the row); GROUP BY ALL groups by the items
-- without aggregates (ResolveGroupByAll).  One file per batch.
-- Batch 0 (rows a/1/true/p, a/5/false/q, b/NULL/NULL/NULL):
--   a: mean 3.0, count_if(x > 2) 1, bool_and false, every false, bool_or true, some true,
--      any true, any_value p, array_agg [p, q], c2 1, sf 1, ms q
--   b: mean NULL, count_if 0, bool_and NULL ... any NULL, any_value NULL, array_agg [], c2 0,
--      sf NULL, ms NULL
-- Batch 1 (adds a/3/true/r, b/7/true/t, c/2/NULL/u):
--   a: mean 3.0, count_if 2, false, false, true, true, true, p, [p, q, r], c2 2, sf 4, ms r
--   b: mean 7.0, count_if 1, true, true, true, true, true, NULL, [t], c2 1, sf 7, ms NULL
--   c: mean 2.0, count_if 0, NULL x5, u, [u], c2 0, sf NULL, ms u
CREATE SOURCE e (k STRING, x INT, f BOOLEAN, s STRING)
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, mean(x), count_if(x > 2), bool_and(f), every(f), bool_or(f), some(f), any(f),
       any_value(s), array_agg(s), count(*) FILTER (WHERE x > 2) AS c2,
       sum(x) FILTER (WHERE f) AS sf, max(s) FILTER (WHERE x < 6) AS ms
FROM e GROUP BY ALL ORDER BY k
WITH (name = 'aggs', outputMode = 'complete');
