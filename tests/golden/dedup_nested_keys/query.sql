-- DROP DUPLICATES on a struct column (a string and a nested struct inside) and on two array
-- columns, as Spark 3.5's StreamingDeduplicateExec keys a stream: by the UnsafeRow of the
-- columns as they are.  A NULL struct and a struct of NULL fields ({} in JSON) are two keys,
-- a NULL nested struct and one of NULL fields too; NULL, [] and [NULL] are three arrays; every
-- NaN read is Double.NaN, so NaNs match; but -0.0 is not 0.0: Spark normalises grouping keys,
-- not a stream's dropDuplicates keys (NormalizeFloatingNumbers), so rows 1 and 2 both stay.
-- Files are read one per batch; run s1 reads f1 and f2 (batches 0 and 1), run s2 restarts
-- from the checkpoints and reads f3 (batch 2): keys seen before the restart still drop rows.
-- The struct query prints its rows; the array query writes them as JSON Lines (the exec sink)
-- to out/arrays_<batch>.json, and a DOUBLE column's (-0.0 kept apart there too) to
-- out/lat_<batch>.json.  tests/tools/check_nested_keys.py recomputes all three.
CREATE SOURCE ev (id INT,
                  device STRUCT<os: STRING, loc: STRUCT<city: STRING, lat: DOUBLE>>,
                  tags ARRAY<STRING>,
                  scores ARRAY<DOUBLE>)
WITH (connector = 'files', path = 'data/ev', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK arrays WITH (connector = 'exec',
                         command = 'mkdir -p out && cat > out/arrays_$SLUICE_BATCH_ID.json');
CREATE SINK lats WITH (connector = 'exec',
                       command = 'mkdir -p out && cat > out/lat_$SLUICE_BATCH_ID.json');

INSERT INTO console
SELECT id, device FROM ev DROP DUPLICATES (device)
WITH (name = 'structs', checkpointLocation = 'chk/structs');

INSERT INTO arrays
SELECT id, tags, scores FROM ev DROP DUPLICATES (tags, scores)
WITH (name = 'arrays', checkpointLocation = 'chk/arrays');

INSERT INTO lats
SELECT id, lat FROM (SELECT id, device.loc.lat AS lat FROM ev) DROP DUPLICATES (lat)
WITH (name = 'doubles', checkpointLocation = 'chk/doubles');
