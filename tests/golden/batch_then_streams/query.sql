-- One file of a streaming query and batch queries over the same files: the batch queries
-- run first, in file order, each once; then the streams start.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 2);
CREATE TABLE history (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 2);
CREATE SINK console WITH (connector = 'console');

INSERT INTO console
SELECT action, count(*) AS count FROM events GROUP BY action ORDER BY action
WITH (name = 'running', outputMode = 'complete');

SELECT action, count(*) AS count FROM history GROUP BY action ORDER BY action LIMIT 5;

INSERT INTO console
SELECT action, min(time) AS first FROM history GROUP BY action ORDER BY action
WITH (name = 'firsts');
