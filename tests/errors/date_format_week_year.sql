-- expect: 7:39: [INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize 'YYYY-MM-dd' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- 'Y' (week-based year) is refused by Spark 3's DateTimeFormatterHelper.convertIncompatiblePattern;
-- SimpleDateFormat takes it, so Iso8601TimestampFormatter.validatePatternString raises
-- SparkUpgradeException (DATETIME_PATTERN_RECOGNITION) when the query formats its first row.
CREATE SOURCE s (t TIMESTAMP) WITH (connector = 'files', path = 'j', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_format(t, 'YYYY-MM-dd') AS d FROM s;
