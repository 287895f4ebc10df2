-- expect: 6:39: You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize 'yyyyyyy' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- expect: 6:77: You may get a different result due to the upgrading to Spark >= 3.0: Fail to recognize 'hh:mm aa' pattern in the DateTimeFormatter. 1) You can set "spark.sql.legacy.timeParserPolicy" to "LEGACY" to restore the behavior before Spark 3.0. 2) You can form a valid datetime pattern with the guide from 'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.
-- DateTimeFormatterHelper.unsupportedPatternLengths has seven y (SPARK-32424); parseField refuses "aa"; SimpleDateFormat reads both.
CREATE SOURCE s (t TIMESTAMP, v STRING) WITH (connector = 'files', path = 'j', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_format(t, 'yyyyyyy') AS a, to_unix_timestamp(v, 'hh:mm aa') AS b FROM s;
