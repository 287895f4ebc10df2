-- expect: 6:80: timestampNTZFormat 'yyyy-MM-dd HH:mm XXX' writes a zone, which a TIMESTAMP_NTZ has not: Spark fails the query writing one (java.time: Unsupported field: OffsetSeconds)
-- to_json's JacksonGenerator formats a TIMESTAMP_NTZ as a LocalDateTime, which has no offset.
CREATE SOURCE ev (t TIMESTAMP_NTZ)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_json(named_struct('t', t), map('timestampNTZFormat', 'yyyy-MM-dd HH:mm XXX')) AS j FROM ev;
