-- expect: 4:81: SPARK_PARTITION_ID() over a UNION is not supported yet: sluice numbers the partitions of a scan only (write it in a subquery that reads the source)
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM (SELECT k FROM s UNION ALL SELECT k FROM s) WHERE spark_partition_id() = 0;
