-- IN lists of more than 10 TINYINT or SMALLINT constants (Spark's InSet threshold) are one
-- lookup in a sorted table of the values sign-extended: negatives sort below positives, a
-- duplicate counts once, CAST(200 AS TINYINT) is -56.  IN's NULL rules: a match is true,
-- otherwise a NULL value or a NULL in the list gives NULL, else false.  A TINYINT among
-- SMALLINT constants widens to SMALLINT; INT constants make the comparison INT.
CREATE SOURCE t (id INT, t TINYINT, s SMALLINT)
  WITH (connector = 'files', path = 'data/in', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT id,
       t IN (-128Y, 127Y, 1Y, 2Y, 3Y, 4Y, 5Y, 6Y, 7Y, 8Y, 9Y, 127Y, CAST(200 AS TINYINT)) AS t_in,
       t IN (1Y, 2Y, 3Y, 4Y, 5Y, 6Y, 7Y, 8Y, 9Y, 10Y, 11Y, -1Y, NULL) AS t_in_null,
       t NOT IN (-2Y, -3Y, -4Y, -5Y, -6Y, -7Y, -8Y, -9Y, -10Y, -11Y, -12Y, 12Y) AS t_not_in,
       s IN (-32768S, 32767S, 200S, 1S, 2S, 3S, 4S, 5S, 6S, 7S, 8S, 9S) AS s_in,
       s NOT IN (-1S, 1S, 2S, 3S, 4S, 5S, 6S, 7S, 8S, 9S, 10S, 11S, NULL) AS s_not_in_null,
       t IN (-32768S, 300S, -56S, 1S, 2S, 3S, 4S, 5S, 6S, 7S, 8S, 9S) AS t_in_s,
       t IN (-128, 255, 1000, 1, 2, 3, 4, 5, 6, 7, 8, 9) AS t_in_int,
       s IN (1S, 2S, 3S, 4S, 5S, 6S, 7S, 8S, 9S, 10S, 11S, CAST(t AS SMALLINT)) AS s_in_col,
       typeof(t IN (1S, 2S)) AS ty
FROM t;
