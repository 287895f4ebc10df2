-- IGNORE NULLS / RESPECT NULLS after first, last, first_value, last_value and any_value (Spark
-- 3.5's functionCall nullsOption) and inside first, last, any_value's parentheses (#first,
-- #last, #any_value), over three batches of one file each (the data of golden first_last).
-- IGNORE NULLS is ignoreNulls = true whatever the second argument says (first(s, false)
-- IGNORE NULLS skips NULLs); RESPECT NULLS changes nothing (last(s, true) RESPECT NULLS still
-- skips them; last_value(n) RESPECT NULLS takes a NULL). The clause is not in the column name:
-- the unnamed first(s) IGNORE NULLS is `first(s)`.
-- Rows in order of arrival, (k, s, n, d):
--   batch 0: (a, NULL, NULL, 1.5), (a, x, 1, NULL), (b, héllo, 2, -0.0), (a, y, NULL, 2.5)
--   batch 1: (b, NULL, NULL, NULL), (a, z, 3, NULL), (c, NULL, NULL, NULL)
--   batch 2: (c, w, 4, NaN), (b, v, 5, 7.0)
-- Expected (complete mode, so every group each batch), by hand:
--   batch 0: a: fs x, ls y, fn 1, ln NULL (the last n is NULL), ad 1.5, fsp x, lnp 1, adp 1.5,
--            fsf x, lst y, ff 1 (rows with s: n 1, NULL), first(s) x, c 3
--            b: héllo, héllo, 2, 2, -0.0, héllo, 2, -0.0, héllo, héllo, 2, héllo, 1
--   batch 1: a: x, z, 1, 3, 1.5, x, 3, 1.5, x, z, 1, x, 4
--            b: héllo, héllo, 2, NULL, -0.0, héllo, 2, -0.0, héllo, héllo, 2, héllo, 2
--            c: all NULL, c 1
--   batch 2: a as batch 1
--            b: héllo, v, 2, 5, -0.0, héllo, 5, -0.0, héllo, v, 2, héllo, 3
--            c: w, w, 4, 4, NaN, w, 4, NaN, w, w, 4, w, 2
CREATE SOURCE events (k STRING, s STRING, n INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, first(s) IGNORE NULLS AS fs, last(s) ignore nulls AS ls,
       first_value(n) IGNORE NULLS AS fn, last_value(n) RESPECT NULLS AS ln,
       any_value(d) IGNORE NULLS AS ad,
       first(s IGNORE NULLS) AS fsp, LAST(n ignore NULLS) AS lnp, any_value(d IGNORE NULLS) AS adp,
       first(s, false) IGNORE NULLS AS fsf, last(s, true) RESPECT NULLS AS lst,
       first(n) FILTER (WHERE s IS NOT NULL) IGNORE NULLS AS ff,
       first(s) IGNORE NULLS, count(*) AS c
FROM events GROUP BY k ORDER BY k
WITH (outputMode = 'complete');
