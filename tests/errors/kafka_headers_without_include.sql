-- expect: 4:29: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `headers` cannot be resolved. Did you mean one of the following? [`key`, `value`, `offset`, `topic`, `partition`].
CREATE SOURCE k WITH (connector = 'kafka', subscribe = 't', 'kafka.bootstrap.servers' = 'localhost:9092');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT key, headers FROM k;
