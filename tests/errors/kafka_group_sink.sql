-- expect: 2:90: consumerGroup: the kafka sink is not supported yet (files or console): its lanes' writes must not overlap
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SINK out WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 'o');
INSERT INTO out SELECT value FROM k WITH (checkpointLocation = 'ck');
