-- expect: 2:15: The kafka source does not support a user-specified schema.
CREATE SOURCE k (value STRING) WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT value FROM k;
