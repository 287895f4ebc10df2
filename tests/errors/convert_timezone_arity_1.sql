-- expect: 4:22: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `convert_timezone` requires [2, 3] parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone(n) AS c FROM e;
