-- expect: 4:43: comparing 'value' of type binary with 'abc' of type string is not supported yet
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT topic FROM k WHERE value = 'abc';
