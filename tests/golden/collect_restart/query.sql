-- collect_list and collect_set over four micro-batches (one file each) and two restarts on
-- the checkpoint: the values collected before a restart come back from the state files.
CREATE SOURCE t (g STRING, s STRING, v DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, collect_list(s) AS ls, collect_set(s) AS ss, collect_list(v) AS lv, collect_set(v) AS sv
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT g, collect_set(s) AS ss, size(collect_list(v)) AS n
FROM t
GROUP BY g
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
