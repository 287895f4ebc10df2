CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '', subscribe = 'hdrs');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT headers FROM k WITH (name = 'q', checkpointLocation = 'noheaders.ck');
