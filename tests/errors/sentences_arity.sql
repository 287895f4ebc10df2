-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `sentences` requires [1, 2, 3] parameters but the actual number is 4. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sentences(s, 'a', 'b', 'c') FROM events;
