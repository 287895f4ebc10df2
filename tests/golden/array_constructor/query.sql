-- Spark 3.5's CreateArray: never NULL itself; elements cast to their wider common type
-- (FunctionArgumentConversion: INT and DOUBLE -> DOUBLE, INT and STRING -> STRING).  Expected
-- rows (a, s, d) = (1, 'x"y', 1.5) and (NULL, 'é', NaN):
--   [1, 2, null] | [x"y, z] | [1.0, 1.5] | [1, 2] | 1 | x"y | [1,1]
--   [null, 2, null] | [é, z] | [null, NaN] | [1, 2] | 1 | é | [null,null]
-- explode(array(a, 10)): (1, 1), (1, 10), (NULL, NULL), (NULL, 10).
CREATE SOURCE e (a INT, s STRING, ts TIMESTAMP, d DOUBLE)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT array(a, 2, NULL), array(s, 'z'), array(a, d), array(1, '2'), size(array(a)),
       element_at(array(s, s), 2) AS e2, to_json(array(a, a)) AS j
FROM e WITH (name = 'arrays');
INSERT INTO o SELECT a, explode(array(a, 10)) AS x FROM e WITH (name = 'exploded');
