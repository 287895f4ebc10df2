-- Every aggregate (min/max of strings included), HAVING, CASE, functions in keys and aggregates.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT hour(time) AS h, min(action) AS lo, max(action) AS hi, sum(hour(time)) AS s, avg(length(action)) AS l,
       count(CASE WHEN action = 'Open' THEN 1 END) AS opens, max(lower(action) || '!') AS x
FROM events GROUP BY hour(time) HAVING count(*) > 10 ORDER BY h DESC
WITH (outputMode = 'complete');
