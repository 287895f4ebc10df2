-- expect: 2:90: consumerGroup: the sqlite sink in complete mode replaces the whole table every batch, so each partition's lane would delete the rows of the others; use update mode (a lane upserts only its own keys) or append mode
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SINK out WITH (connector = 'sqlite', path = 'out.db', table = 'counts');
INSERT INTO out SELECT partition, count(*) AS n FROM k GROUP BY partition
WITH (outputMode = 'complete', checkpointLocation = 'ck');
