-- A FULL OUTER JOIN of two tables with no ORDER BY, on one thread (golden.*) and split into
-- tasks of a line (golden_split.*): the probe rows come in input order (a key's table rows
-- the last first), then the table rows no probe row matched, in the table's order, once
-- every task marked its matches (the table's a rows are matched by three tasks, x, y and the
-- NULL key by none); the same rows aggregated, groups in the order of their first row, the
-- unmatched table rows' groups last, collect_list, collect_set and median of each group's
-- values in input order (NULLs skipped).
CREATE TABLE l (id INT, k STRING, v INT)
WITH (connector = 'files', path = 'data/l', format = 'csv', header = 'true');
CREATE TABLE r (k STRING, name STRING)
WITH (connector = 'files', path = 'data/r', format = 'csv', header = 'true');

SELECT l.id, l.k, l.v, r.k AS rk, r.name FROM l FULL OUTER JOIN r ON l.k = r.k;

SELECT r.name, count(*) AS c, collect_list(l.id) AS ids, collect_set(l.k) AS ks,
       median(l.v) AS med
FROM l FULL JOIN r ON l.k = r.k
GROUP BY r.name;
