-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `make_ym_interval` requires [0, 1, 2] parameters but the actual number is 3. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_ym_interval(1, 2, 3) AS x FROM events;
