-- expect: 4:24: [DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(value AS INT)" due to data type mismatch: cannot cast "BINARY" to "INT".
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS INT) AS v FROM k;
