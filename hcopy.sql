CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '', subscribe = 'hdrs',
  startingOffsets = 'earliest', includeHeaders = true);
CREATE SINK out WITH (connector = 'kafka', 'kafka.bootstrap.servers' = '', topic = 'hdrs_out');
INSERT INTO out SELECT key, value, headers FROM k WITH (name = 'q', checkpointLocation = 'hcopy.ck');
