-- NATURAL joins (Spark's NaturalJoin): USING the column names both sides have, in the left
-- side's order (k, x here), so the output is the keys, the left's other columns, the right's.
CREATE TABLE t1 (k INT, v STRING, x INT) WITH (connector = 'files', path = 'data/t1', format = 'json');
CREATE TABLE t2 (x INT, k BIGINT, w STRING) WITH (connector = 'files', path = 'data/t2', format = 'json');
CREATE TABLE t3 (y INT, z STRING) WITH (connector = 'files', path = 'data/t3', format = 'json');
CREATE TABLE t4 (K INT, name STRING) WITH (connector = 'files', path = 'data/t4', format = 'json');
CREATE SOURCE ev (id INT, k INT, x INT) WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SOURCE ev2 (x INT, k INT, tag STRING) WITH (connector = 'files', path = 'data/ev2', format = 'json');
CREATE SINK out WITH (connector = 'console');

SELECT * FROM t1 NATURAL JOIN t2 ORDER BY k;
SELECT * FROM t1 NATURAL INNER JOIN t2 a ORDER BY a.w;
SELECT * FROM t1 NATURAL LEFT JOIN t2 ORDER BY v;
SELECT * FROM t1 NATURAL LEFT OUTER JOIN t2 ORDER BY v;
SELECT * FROM t1 NATURAL RIGHT JOIN t2 ORDER BY w;
SELECT * FROM t1 NATURAL FULL OUTER JOIN t2 ORDER BY v, w;
SELECT * FROM t1 NATURAL LEFT SEMI JOIN t2 ORDER BY v;
SELECT * FROM t1 NATURAL ANTI JOIN t2 ORDER BY v;
-- no common column: a join without condition
SELECT * FROM t1 NATURAL JOIN t3 ORDER BY v, y;
-- names are compared as spelled: K is not k
SELECT * FROM t1 NATURAL JOIN t4 ORDER BY 1, 4;
-- chained: t3 has nothing in common with (k, x, v, w)
SELECT * FROM t1 NATURAL JOIN t2 NATURAL LEFT JOIN t3 ORDER BY k, y;

-- a stream with a table, and two streams
INSERT INTO out SELECT * FROM ev NATURAL LEFT JOIN t2 WITH (name = 'stream_table');
INSERT INTO out SELECT * FROM ev NATURAL JOIN ev2 WITH (name = 'stream_stream');
