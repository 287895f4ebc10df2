-- Batch semantics over a table: Spark's NULL order (ASC NULLS FIRST, DESC NULLS LAST),
-- explicit NULLS FIRST/LAST, LIMIT with and without ORDER BY, SELECT DISTINCT (a GROUP BY
-- of the items), aggregations over all rows, and INSERT INTO a sink written once.
CREATE TABLE t (time TIMESTAMP, action STRING, device STRING, score INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');

SELECT device, score FROM t ORDER BY score, device;
SELECT device, score FROM t ORDER BY score DESC, device DESC;
SELECT device, score FROM t ORDER BY score ASC NULLS LAST, device DESC NULLS FIRST LIMIT 5;
SELECT action, time FROM t LIMIT 3;
SELECT action, time FROM t LIMIT 0;
SELECT DISTINCT action FROM t ORDER BY action;
SELECT DISTINCT device, action FROM t ORDER BY device DESC, action;
SELECT DISTINCT * FROM (SELECT action, score > 2 AS high FROM t) ORDER BY action, high;
SELECT count(*) AS n, count(action) AS actions, sum(score) AS total, min(time) AS first,
       max(time) AS last, approx_count_distinct(device) AS devices FROM t;
SELECT action, count(*) AS n, avg(score) AS mean FROM t GROUP BY action
HAVING count(*) > 1 ORDER BY n DESC, action LIMIT 2;
SELECT device FROM t WHERE device IS NOT NULL ORDER BY device WITH (numRows = 3);

INSERT INTO out SELECT device, max(score) AS best FROM t GROUP BY device ORDER BY best DESC, device
WITH (name = 'best');

-- count(DISTINCT x): distinct non-NULL values, 0 for a group of NULLs only
SELECT action, count(DISTINCT device), count(DISTINCT score) AS scores, count(*) AS n
FROM t GROUP BY action ORDER BY action;
SELECT count(DISTINCT action) AS actions, count(DISTINCT time) AS times FROM t;
