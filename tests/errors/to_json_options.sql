-- expect: 6:68: For input string: "yes"
-- expect: 7:77: [INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize 'YYYY-MM' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- expect: 8:54: [INVALID_OPTIONS.NON_MAP_FUNCTION] Invalid options: Must use the `map()` function for options.
CREATE SOURCE events (k STRING, t TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_json(named_struct('k', k), map('pretty', 'yes')) AS s FROM events;
INSERT INTO out SELECT to_json(named_struct('t', t), map('timestampFormat', 'YYYY-MM')) AS s FROM events;
INSERT INTO out SELECT to_json(named_struct('k', k), 'pretty') AS s FROM events;
