-- Joins of tables in batch queries: every join type Spark has but FULL OUTER, several joins
-- in one FROM, subqueries on either side, aggregation after a join.
CREATE TABLE emp (id INT, name STRING, dept INT, salary DOUBLE)
WITH (connector = 'files', path = 'data/emp', format = 'csv', header = 'true');
CREATE TABLE dept (dept BIGINT, dname STRING, loc INT)
WITH (connector = 'files', path = 'data/dept', format = 'csv', header = 'true');
CREATE TABLE loc (loc INT, city STRING)
WITH (connector = 'files', path = 'data/loc', format = 'csv', header = 'true');

SELECT e.name, d.dname FROM emp e JOIN dept d ON e.dept = d.dept ORDER BY e.name, d.dname;
SELECT * FROM emp LEFT JOIN dept USING (dept) ORDER BY id, dname;
SELECT * FROM emp e RIGHT OUTER JOIN dept d ON e.dept = d.dept ORDER BY d.dept, d.dname, e.id;
SELECT id, name FROM emp LEFT SEMI JOIN dept ON emp.dept = dept.dept AND dept.loc = 1 ORDER BY id;
SELECT id, name FROM emp LEFT ANTI JOIN dept ON emp.dept = dept.dept ORDER BY id;
SELECT e.name, d.dname, l.city
FROM emp e JOIN dept d ON e.dept = d.dept LEFT JOIN loc l ON d.loc = l.loc
ORDER BY e.name, d.dname;
SELECT d.dname, count(*) AS n, sum(e.salary) AS total
FROM emp e JOIN dept d ON e.dept = d.dept
GROUP BY d.dname ORDER BY d.dname;
SELECT e.name, s.n
FROM (SELECT id, name, dept FROM emp WHERE salary > 75) e
JOIN (SELECT dept, count(*) AS n FROM dept GROUP BY dept) s ON e.dept = s.dept
ORDER BY e.name;
SELECT e.name, l.city FROM emp e CROSS JOIN loc l WHERE e.id <= 2 ORDER BY e.name, l.city;
SELECT e.name, d.dname FROM emp e JOIN dept d ON e.dept = d.dept AND e.salary > 85 ORDER BY e.name;
