-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `make_timestamp_ltz` requires [6, 7] parameters but the actual number is 5. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_timestamp_ltz(n, n, n, n, n) FROM events;
