-- expect: 5:32: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `last` requires [1, 2] parameters but the actual number is 0. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, last() FROM events GROUP BY action WITH (outputMode = 'update');
