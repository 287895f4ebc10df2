-- expect: 2:90: consumerGroup: a query reading a source with consumerGroup must be the executable's only query (its lanes run alone)
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SOURCE r WITH (connector = 'rate');
CREATE SINK out WITH (connector = 'console');
CREATE SINK out2 WITH (connector = 'console');
INSERT INTO out2 SELECT value FROM r;
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k WITH (checkpointLocation = 'ck');
