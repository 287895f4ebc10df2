-- expect: 20:24: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `concat_ws` requires > 0 parameters but the actual number is 0. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 20:37: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `lpad` requires [2, 3] parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 20:51: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `rpad` requires [2, 3] parameters but the actual number is 4. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 20:78: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `repeat` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 21:3: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `reverse` requires 1 parameters but the actual number is 2. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 21:28: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `initcap` requires 1 parameters but the actual number is 0. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 21:39: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `instr` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 21:54: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `locate` requires [2, 3] parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 21:67: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `locate` requires [2, 3] parameters but the actual number is 4. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 22:3: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `to_date` requires [1, 2] parameters but the actual number is 0. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 22:14: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `to_date` requires [1, 2] parameters but the actual number is 3. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 22:41: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `date_trunc` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 22:60: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `date_add` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 22:76: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `date_sub` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 23:3: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `datediff` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 23:19: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `get_json_object` requires 2 parameters but the actual number is 1. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT concat_ws(), lpad(action), rpad(action, 1, 'a', 'b'), repeat(action),
  reverse(action, action), initcap(), instr(action), locate('a'), locate('a', action, 1, 2),
  to_date(), to_date(action, 'y', 'z'), date_trunc('day'), date_add(time), date_sub(time),
  datediff(time), get_json_object(action)
FROM events;
