-- expect: 4:52: [INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize 'EEE, dd MMM yyyy' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- E is a letter Spark 3.5 refuses for parsing and SimpleDateFormat accepts: SparkUpgradeException at the first value.
CREATE SOURCE s (at TIMESTAMP) WITH (connector = 'files', path = 'data', format = 'csv',
                                 timestampFormat = 'EEE, dd MMM yyyy');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT at FROM s;
