-- expect: 6:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `make_timestamp_ntz` requires 6 parameters but the actual number is 7. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- MakeTimestamp of TimestampNTZType takes no zone (Spark: Expected: 6; Found: 7)
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP)
  WITH (connector = 'files', path = 'data/ev', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_timestamp_ntz(2021, 7, 11, 6, 30, 45.678, 'CET') AS x FROM ev;
