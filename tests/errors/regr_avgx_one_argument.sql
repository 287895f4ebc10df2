-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `regr_avgx` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regr_avgx(n) FROM events WITH (outputMode = 'complete');
