-- FULL OUTER JOIN of two tables (a batch query): matches, then the left rows without a match
-- (right side NULL), then the right rows no left row matched (left side NULL).  Spark's row
-- order is its shuffle's, so each query sorts.
CREATE TABLE emp (id INT, name STRING, dept INT, salary DOUBLE)
WITH (connector = 'files', path = 'data/emp', format = 'csv', header = 'true');
CREATE TABLE dept (dept BIGINT, dname STRING, loc INT)
WITH (connector = 'files', path = 'data/dept', format = 'csv', header = 'true');
CREATE TABLE nobody (id INT, name STRING, dept INT, salary DOUBLE)
WITH (connector = 'files', path = 'data/nobody', format = 'csv', header = 'true');
CREATE TABLE loc (loc INT, city STRING)
WITH (connector = 'files', path = 'data/loc', format = 'csv', header = 'true');

SELECT * FROM emp e FULL OUTER JOIN dept d ON e.dept = d.dept ORDER BY e.id, d.dept, d.dname;
SELECT * FROM emp FULL JOIN dept USING (dept) ORDER BY dept, id, dname;
SELECT e.name, d.dname FROM emp e FULL JOIN dept d ON e.dept = d.dept AND e.salary > 85
ORDER BY e.name, d.dname;
SELECT d.dname, count(e.id) AS n, count(*) AS c
FROM emp e FULL JOIN dept d ON e.dept = d.dept GROUP BY d.dname ORDER BY d.dname;
SELECT e.id, l.city FROM emp e FULL JOIN loc l ON e.id > 4 AND l.loc = 1 ORDER BY e.id, l.city;
SELECT e.name, d.dname, l.city
FROM emp e FULL JOIN dept d ON e.dept = d.dept LEFT JOIN loc l ON d.loc = l.loc
ORDER BY e.name, d.dname;
SELECT l.city, x.name, x.dname
FROM loc l JOIN (SELECT d.loc, e.name, d.dname FROM emp e FULL JOIN dept d ON e.dept = d.dept) x
  ON l.loc = x.loc
ORDER BY l.city, x.name, x.dname;
SELECT k, count(*) AS c FROM (SELECT coalesce(e.dept, d.dept) AS k FROM emp e FULL JOIN dept d ON e.dept = d.dept) GROUP BY k ORDER BY k;
SELECT n.name, d.dname FROM nobody n FULL JOIN dept d ON n.dept = d.dept ORDER BY d.dname;
SELECT d.dname, n.name FROM dept d FULL JOIN nobody n ON n.dept = d.dept ORDER BY d.dname;
