-- expect: 5:32: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `collect_list` requires 1 parameters but the actual number is 2. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, price DECIMAL(10,2), tags ARRAY<STRING>, WATERMARK FOR time AS time - INTERVAL '1 minute')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, collect_list(n, 1) FROM events GROUP BY action WITH (outputMode = 'update');
