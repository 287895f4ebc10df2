-- expect: 5:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `array_insert` requires 3 parameters but the actual number is 2. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, e ARRAY<STRUCT<k: STRING, v: INT, w: INT>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_insert(a, 1) FROM events;
