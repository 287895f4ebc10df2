-- expect: 6:56: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `session_window` requires 2 parameters but the actual number is 3. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) FROM events GROUP BY user_id, session_window(time, '5 minutes', '1 minute')
WITH (outputMode = 'complete');
