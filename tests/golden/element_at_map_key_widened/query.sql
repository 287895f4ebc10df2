-- Expected by hand: e1 = the value of key b: 2 -> b, 1 -> a, 3 -> NULL (absent), NULL -> NULL;
-- e2 looks b + 2^32 up, which no INT key equals (a key cast to INT would wrap 1 + 2^32 to 1):
-- NULL in every row; c = map_contains_key: true, true, false, NULL.
CREATE SOURCE ev (b BIGINT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT b, element_at(map(1, 'a', 2, 'b'), b) AS e1, element_at(map(1, 'a'), b + 4294967296) AS e2,
       map_contains_key(map(1, 'a', 2, 'b'), b) AS c
FROM ev;
