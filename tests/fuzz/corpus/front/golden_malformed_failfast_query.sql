-- FAILFAST: the first malformed line stops the query with Spark's message and its position.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json', mode = 'FAILFAST', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, count(*) AS count FROM events GROUP BY action ORDER BY action
WITH (outputMode = 'complete');
