-- expect: 4:22: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `hash` requires > 0 parameters but the actual number is 0. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE s (a INT) WITH (connector = 'files', path = 'data/s', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT hash() AS h FROM s;
