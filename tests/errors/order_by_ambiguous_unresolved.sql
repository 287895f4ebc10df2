-- expect: 7:53: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `k` cannot be resolved. Did you mean one of the following? [`a`.`k`, `b`.`k`].
-- expect: 8:51: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `k` cannot be resolved. Did you mean one of the following? [`v`].
-- expect: 9:46: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `x` cannot be resolved. Did you mean one of the following? [`x`, `x`].
-- Spark's Sort swallows AMBIGUOUS_REFERENCE (of the select list and of the input alike)
CREATE TABLE a (k INT, v STRING) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (k INT, w STRING) WITH (connector = 'files', path = 'data/b', format = 'json');
SELECT a.k, b.k FROM a JOIN b ON a.k = b.k ORDER BY k;
SELECT a.v FROM a JOIN b ON a.k = b.k ORDER BY v, k DESC;
SELECT v AS x, upper(v) AS x FROM a ORDER BY x;
