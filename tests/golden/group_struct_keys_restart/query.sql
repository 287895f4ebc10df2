-- GROUP BY a whole struct column that holds a string, an int, an array and a nested struct, as
-- Spark 3.5 groups it: rows are one group exactly when their keys' normalised UnsafeRows are
-- equal (NormalizeFloatingNumbers), so a NULL struct, a struct of NULL fields ({} in JSON),
-- a NULL array, [] and [NULL], a NULL nested struct and one of NULL fields are all different
-- groups, and -0.0 is 0.0 and NaN is NaN inside the nested struct (the group prints 0.0).
-- Files are read one per batch; run s1 reads f1 and f2 (batches 0 and 1), run s2 restarts
-- from the checkpoints and reads f3 (batch 2): the groups of the first run keep counting.
-- The complete query prints every group by its first id; the update query writes each batch's
-- changed groups as JSON Lines (the exec sink; lines sorted) to out/update_<batch>.json.
-- tests/tools/check_group_struct_keys.py recomputes both from the data files.
CREATE SOURCE ev (id INT,
                  device STRUCT<os: STRING, version: INT, tags: ARRAY<STRING>,
                                loc: STRUCT<city: STRING, lat: DOUBLE>>)
WITH (connector = 'files', path = 'data/ev', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK updates WITH (connector = 'exec',
                          command = 'mkdir -p out && LC_ALL=C sort > out/update_$SLUICE_BATCH_ID.json');

INSERT INTO console
SELECT device, count(*) AS n, min(id) AS first
FROM ev
GROUP BY device
ORDER BY first
WITH (name = 'complete', outputMode = 'complete', checkpointLocation = 'chk/complete');

INSERT INTO updates
SELECT device, count(*) AS n, min(id) AS first, max(id) AS last
FROM ev
GROUP BY device
WITH (name = 'update', outputMode = 'update', checkpointLocation = 'chk/update');
