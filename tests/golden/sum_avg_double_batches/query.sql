-- DOUBLE sum and avg over four micro-batches (one file each) and two restarts, as Spark adds
-- them: each batch's values of a group summed apart, that sum added to the stored one.
CREATE SOURCE t (g STRING, x DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, sum(x) AS s, avg(x) AS a, count(x) AS n
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT sum(x) AS s, avg(x) AS a
FROM t
WITH (name = 'total', outputMode = 'complete', checkpointLocation = 'chk/total');
