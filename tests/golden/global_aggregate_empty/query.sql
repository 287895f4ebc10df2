CREATE SOURCE events (action STRING, n BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT count(*) AS opens, sum(n) AS total, min(action) AS lo, avg(n) AS mean FROM events
WHERE action = 'Open'
WITH (name = 'complete', outputMode = 'complete');
INSERT INTO out
SELECT count(*) AS opens, sum(n) + 1 AS total1, max(n) AS hi FROM events
WHERE action = 'Open' HAVING count(*) >= 0
WITH (name = 'update', outputMode = 'update');
