-- decode(x, search, result, ..., [default]) (Decode.createExpr: CASE WHEN x <=> search ...):
-- a NULL x matches a NULL search ('none'); no match gives the default, or NULL without one;
-- the results widen as CASE's (1 and 2.5 are DECIMAL(11,1): 1.0, 2.5).
CREATE SOURCE e (i INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT decode(i, 1, 'one', 2, 'two', NULL, 'none', 'other'), decode(i, 1, 'one') AS d2,
       decode(s, 'a', 1, 'b', 2.5) AS d3
FROM e;
