-- max_by/min_by over four micro-batches (one file each) and two restarts on the checkpoint.
-- Spark's MaxMinBy (aggregate/MaxByAndMinBy.scala): a row whose ordering is NULL changes
-- nothing; otherwise it replaces the kept (value, ordering) unless the kept ordering is
-- strictly larger (max_by) or smaller (min_by): on a tie the later row wins, also across
-- batches (the state is merged on the left of the batch's partial), and its value may be NULL.
-- Doubles order as Spark's: NaN above everything, NaN = NaN, -0.0 = 0.0.
CREATE SOURCE t (g STRING, s STRING, o DOUBLE, i INT)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, max_by(s, o), min_by(s, o), max_by(i, s) AS mis, min_by(i, s) AS nis,
       MAX_BY(s, i) AS msi, min_by(o, i) AS noi, count(*) AS c
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT g, max_by(s, o) AS ms, min_by(s, i) AS nsi
FROM t
GROUP BY g
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
