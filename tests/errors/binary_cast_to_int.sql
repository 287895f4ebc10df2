-- expect: 4:24: cannot cast 'value' of type binary to int
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS INT) AS v FROM k;
