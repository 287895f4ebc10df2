-- str_to_map(text, pairDelim, keyValueDelim) with delimiters that are foldable but no literals:
-- StringToMap.checkInputDataTypes asks only that they be foldable; each is a regular
-- expression evaluated per row (nullSafeEval: a NULL one makes the map NULL).  By hand:
-- a {x -> 1, y -> 2}, b {z -> 3}, c NULL (its text NULL); n is NULL in every row.
CREATE TABLE t (k STRING, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT k, str_to_map(s, concat(';', ''), concat('=', '')) AS m,
       str_to_map(s, concat(';', NULL), '=') AS n
FROM t ORDER BY k WITH (truncate = false);
