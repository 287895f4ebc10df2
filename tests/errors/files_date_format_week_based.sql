-- expect: 3:81: [INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may get a different result due to the upgrading to Spark >= 3.0:\nFail to recognize 'dd/MM/YYYY' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- week-based year in a json source's dateFormat
CREATE SOURCE s (d DATE) WITH (connector = 'files', path = 'data', dateFormat = 'dd/MM/YYYY');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT d FROM s;
