-- expect: 5:40: [INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize 'EEE, dd MMM yyyy HH:mm:ss z' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- E is in DateTimeFormatterHelper's unsupportedLettersForParsing; SimpleDateFormat reads it, so Spark 3.5 raises SparkUpgradeException building to_timestamp's formatter.
CREATE SOURCE s (v STRING) WITH (connector = 'files', path = 'j', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_timestamp(v, 'EEE, dd MMM yyyy HH:mm:ss z') AS t FROM s;
