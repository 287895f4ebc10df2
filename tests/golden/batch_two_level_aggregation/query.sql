-- Aggregations over aggregations in batch queries (a streaming query refuses them as Spark
-- does: Multiple streaming aggregations are not supported with streaming DataFrames/Datasets).
CREATE TABLE events (time TIMESTAMP, action STRING, user STRING, ms INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');

-- the hourly counts per action, summed per action
SELECT action, sum(c) AS total, count(*) AS hours, max(c) AS busiest, min(w.start) AS first
FROM (SELECT action, window(time, '1 hour') AS w, count(*) AS c
      FROM events GROUP BY action, window(time, '1 hour'))
GROUP BY action ORDER BY action;

-- HAVING below, WHERE between, DISTINCT and STRING min/max above
SELECT busy, count(*) AS users, min(user) AS lo, max(user) AS hi, count(DISTINCT n) AS sizes,
       sum(DISTINCT n) AS sn, avg(total) AS mean
FROM (SELECT user, count(*) AS n, sum(ms) AS total, count(*) > 2 AS busy
      FROM events GROUP BY user HAVING count(*) > 1)
WHERE user IS NOT NULL GROUP BY busy ORDER BY busy;

-- a global level over the groups, and over no group at all
SELECT count(*) AS groups, sum(c) AS rows, max(c) AS most FROM (SELECT action, user, count(*) AS c
FROM events GROUP BY action, user);
SELECT count(*) AS groups, sum(c) AS rows FROM (SELECT action, count(*) AS c
FROM events WHERE ms > 1000 GROUP BY action);

-- windows over the first level's times; three levels
SELECT window.start, count(*) AS users, sum(n) AS n
FROM (SELECT user, min(time) AS t, count(*) AS n FROM events GROUP BY user)
GROUP BY window(t, '2 hours') ORDER BY start;
SELECT max(k) AS most_actions, count(*) AS counts
FROM (SELECT c, count(*) AS k FROM (SELECT user, count(action) AS c FROM events GROUP BY user)
      GROUP BY c);
