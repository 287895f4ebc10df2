-- ORDER BY a name several select items carry (batch queries): Spark's Sort does not fail on
-- the select list's ambiguity but resolves the name against the select's input, here the
-- USING key (k, the same column as a.k for INNER, coalesce(a.k, b.k) for FULL) and a's k
-- rather than the alias of v.
CREATE TABLE a (k INT, v STRING) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (k INT, w STRING) WITH (connector = 'files', path = 'data/b', format = 'json');

SELECT k, a.k, b.k FROM a JOIN b USING (k) ORDER BY k DESC;
SELECT k, a.k, b.k, v, w FROM a FULL JOIN b USING (k) ORDER BY k;
SELECT v AS k, k FROM a ORDER BY k DESC;
