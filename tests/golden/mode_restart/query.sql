-- mode over four micro-batches (one file each) and two restarts on the checkpoint.  Spark
-- 3.5's Mode counts each non-NULL value in an OpenHashMap and returns buffer.maxBy(_._2): the
-- largest count, on a tie the value first in the map's slot order (home slot: Guava's
-- murmur3_32 of the value's Java hashCode, masked to the 64 slots); values are the same when
-- Java's equals says so (every NaN one value, -0.0 and 0.0 two).  NULL when every value was.
CREATE SOURCE t (g STRING, n INT, s STRING, d DOUBLE, b BOOLEAN)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, mode(n), mode(s), mode(d) AS md, mode(b) AS mb, count(*) AS c
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT g, mode(s) AS ms, mode(d) AS md
FROM t
GROUP BY g
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
