-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `to_binary` requires [1, 2] parameters but the actual number is 0. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_binary() FROM events;
