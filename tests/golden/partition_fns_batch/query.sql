-- rand, random, randn, monotonically_increasing_id and spark_partition_id in a batch query:
-- Spark reads the table's files as one scan, longest first, each file a partition of its own
-- (FileSourceScanExec, FilePartition.getFilePartitions with a default parallelism above the
-- number of files): b.json is partition 0, d.json 1, a.json 2, c.json 3 (e.json is empty and
-- makes none).  rand(seed) and randn(seed) draw from XORShiftRandom(seed + partition), each
-- call its own generator; a batch query keeps the seed as written.
CREATE TABLE t (k STRING, v INT) WITH (connector = 'files', path = 'data/t', format = 'json');

-- Every row: its partition, its id, two calls of rand(42) (the same sequence; r53 is the
-- draw's 53 bits), randn(-7), rand(NULL) (seed 0) by its alias random.
SELECT k, v, spark_partition_id(), monotonically_increasing_id() AS id, rand(42) AS r,
       CAST(rand(42) * 9007199254740992 AS BIGINT) AS r53, randn(-7) AS g, random(NULL)
FROM t WITH (numRows = 50, truncate = false);

-- WHERE's conjuncts are tested in turn, as FilterExec does: rand(5) draws only for the rows
-- with v > 2 (not for v NULL), the select list only for the rows the WHERE keeps.
SELECT k, v, monotonically_increasing_id() AS id, rand(1) AS r, 10 * rand(2) + randn(2) AS x
FROM t WHERE v > 2 AND rand(5) < 0.6 WITH (numRows = 50, truncate = false);

-- Grouped by partition: a key of the aggregation, evaluated per row before it.
SELECT spark_partition_id() AS p, count(*) AS n, max(monotonically_increasing_id()) AS last_id,
       sum(randn(3)) AS s
FROM t GROUP BY spark_partition_id() ORDER BY p WITH (truncate = false);
