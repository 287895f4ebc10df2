-- expect: 4:37: rand() above an aggregation is not supported yet: sluice numbers the partitions of a scan only (write it in a subquery that reads the source)
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, count(*), rand(1) FROM s GROUP BY k WITH (outputMode = 'update');
