-- floor(x, scale) and ceil(x, scale) (Spark 3.3+'s RoundFloor and RoundCeil: RoundBase with
-- FLOOR or CEILING over a DECIMAL): x is implicitly cast to a decimal (a DOUBLE to
-- DECIMAL(30,15), an INT to DECIMAL(10,0), a string to DECIMAL(38,18), NULL where it does not
-- read as one), then rounded to the scale; the result is DECIMAL(p - s + 1 + min(s, scale),
-- min(s, scale)), or for a negative scale DECIMAL(max(p - s + 1, 1 - scale), 0).  Named
-- ceil(...) and floor(...) in lower case, whichever of ceil and ceiling was called.
CREATE SOURCE s (d DOUBLE, n INT, s STRING, dec DECIMAL(10,4))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT ceil(d, 1), floor(d, 1), ceil(n, -1), floor(n, -1), ceiling(s, 2), floor(dec, 2),
       ceil(dec, 0), ceil(dec, -1), floor(d, 0), typeof(ceil(d, 1)), typeof(floor(n, -1)),
       typeof(ceil(s, 2)), typeof(floor(dec, 2)), typeof(ceil(dec, -1)), typeof(floor(d, 0))
FROM s;
-- the narrow integers and FLOAT go in as DecimalType.forType gives them: TINYINT DECIMAL(3,0),
-- SMALLINT DECIMAL(5,0), FLOAT DECIMAL(14,7)
INSERT INTO o
SELECT ceil(CAST(n AS TINYINT), -1), typeof(ceil(CAST(n AS TINYINT), -1)),
       floor(CAST(n * 2000 AS SMALLINT), -2), typeof(floor(CAST(n * 2000 AS SMALLINT), -2)),
       ceil(CAST(d AS FLOAT), 0), typeof(ceil(CAST(d AS FLOAT), 0))
FROM s WITH (name = 'narrow');
