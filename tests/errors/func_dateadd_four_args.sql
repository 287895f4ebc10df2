-- expect: 6:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `dateadd` requires 2 parameters but the actual number is 4. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- DateAdd has one constructor (start, days); three arguments are the parser's TimestampAdd
CREATE SOURCE events (d DATE, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT dateadd(d, n, n, n) FROM events;
