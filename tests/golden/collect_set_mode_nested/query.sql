-- collect_set and mode of DECIMAL, STRUCT and ARRAY values over four micro-batches (one file
-- each) and two restarts on the checkpoint.  Spark 3.5's CollectSet keeps a Scala HashSet
-- and Mode an OpenHashMap: a DECIMAL hashes as Spark's Decimal (Scala's BigDecimal.hashCode)
-- and equals by value (1.5 is 1.50); a STRUCT or ARRAY is held as the UnsafeRow or
-- UnsafeArrayData its buffer was deserialized from, hashed as Murmur3 of those bytes and equal
-- when they are (so -0.0 and 0.0 inside differ, a NULL field and [NULL] count).  The sets'
-- orders are the tables' slot orders after Spark's stages; model.py computes them.
CREATE SOURCE t (g STRING, d DECIMAL(10, 2), w DECIMAL(25, 5),
                 s STRUCT<n: INT, t: STRING, x: DOUBLE, m: DECIMAL(22, 1)>, arr ARRAY<INT>)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, collect_set(d) AS sd, collect_set(w) AS sw, collect_set(s) AS ss, collect_set(arr) AS sa,
       mode(d) AS md, mode(s) AS ms, mode(arr) AS ma
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');

INSERT INTO out
SELECT g, collect_set(s) AS ss, mode(w) AS mw, count(*) AS c
FROM t
WHERE g = 'a'
GROUP BY g
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
