-- Aggregates of MAP values (and a STRUCT's) over three micro-batches and a restart on the
-- checkpoint: First, Last (ignoreNulls or not), AnyValue (a First), MaxMinBy's value and
-- count take any type, and collect_list (NULLs skipped); the value is kept in the state as its
-- bytes, -0.0 included.
CREATE SOURCE t (g STRING, i INT, m MAP<STRING, INT>, st STRUCT<x: DOUBLE, y: STRING>)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT g, first(m) AS f, last(m) AS l, first(m, true) AS fi, last(m, true) AS li,
       any_value(m) AS av, max_by(m, i) AS mb, min_by(m, i) AS nb, count(m) AS c,
       first(st) AS fs, collect_list(m) AS cl
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'maps', outputMode = 'complete', checkpointLocation = 'chk/maps');
