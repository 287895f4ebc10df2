-- LIMIT over a stream-static join in append mode: StreamingGlobalLimitExec over the joined,
-- filtered rows, the first three of the stream.
CREATE SOURCE events (k STRING, n INT)
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE TABLE dim (k STRING, name STRING) WITH (connector = 'files', path = 'data/dim', format = 'json');
CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT e.n, d.name
FROM events AS e JOIN dim AS d ON e.k = d.k
WHERE e.n <> 5
LIMIT 3
WITH (name = 'first_matches');
