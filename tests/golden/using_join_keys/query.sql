-- The key columns of USING joins (Spark's Analyzer.commonNaturalJoinProcessing): the
-- unqualified k is the join's key (the left side's for INNER and LEFT, the right side's for
-- RIGHT, coalesce(a.k, b.k) for FULL), while a.k and b.k are each side's own column, NULL on
-- a row its side does not have (Project.hiddenOutputTag).  `*` leaves those hidden columns
-- out; `a.*` takes a's hidden column first (UnresolvedStar.expand).
CREATE TABLE a (k INT, v STRING) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (k BIGINT, w STRING) WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE TABLE c (k INT, z STRING) WITH (connector = 'files', path = 'data/c', format = 'json');
CREATE SOURCE ev (id INT, k INT) WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SOURCE ev2 (k BIGINT, tag STRING) WITH (connector = 'files', path = 'data/ev2', format = 'json');
CREATE SINK out WITH (connector = 'console');

SELECT k, a.k, b.k, v, w FROM a JOIN b USING (k) ORDER BY v;
SELECT * FROM a JOIN b USING (k) ORDER BY k;
SELECT b.*, a.* FROM a JOIN b USING (k) ORDER BY v;
SELECT k, a.k, b.k, v, w FROM a LEFT JOIN b USING (k) ORDER BY v;
SELECT * FROM a LEFT JOIN b USING (k) ORDER BY v;
SELECT k, a.k, b.k, v, w FROM a RIGHT JOIN b USING (k) ORDER BY w;
SELECT * FROM a RIGHT JOIN b USING (k) ORDER BY w;
SELECT a.*, b.* FROM a RIGHT JOIN b USING (k) ORDER BY w;
SELECT k, a.k, b.k, v, w FROM a FULL JOIN b USING (k) ORDER BY v, w;
SELECT * FROM a FULL JOIN b USING (k) ORDER BY v, w;
SELECT a.*, b.* FROM a FULL OUTER JOIN b USING (k) ORDER BY v, w;
-- NATURAL joins are USING joins
SELECT k, a.k, b.k FROM a NATURAL FULL JOIN b ORDER BY v, w;
-- a hidden column passes through the join above, and serves in WHERE and GROUP BY
SELECT k, a.k, b.k, c.k, z FROM a LEFT JOIN b USING (k) LEFT JOIN c USING (k) ORDER BY v;
SELECT v FROM a LEFT JOIN b USING (k) WHERE b.k IS NULL ORDER BY v;
SELECT b.k, count(*) AS n FROM a LEFT JOIN b USING (k) GROUP BY b.k ORDER BY b.k;

-- a stream with a table (on either side), and two streams
INSERT INTO out SELECT id, k, ev.k, b.k, w FROM ev LEFT JOIN b USING (k)
WITH (name = 'stream_left');
INSERT INTO out SELECT *, b.k FROM b RIGHT JOIN ev USING (k)
WITH (name = 'stream_right');
INSERT INTO out SELECT *, ev.k, ev2.k FROM ev JOIN ev2 USING (k)
WITH (name = 'stream_stream');
