-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `date_diff` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (d DATE, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_diff(d) FROM events;
