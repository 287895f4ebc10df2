-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `try_to_timestamp` requires [1, 2] parameters but the actual number is 3. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_to_timestamp(s, s, s) FROM events;
