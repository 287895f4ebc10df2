-- expect: 7:39: Illegal pattern character: A
-- expect: 7:72: All week-based patterns are unsupported since Spark 3.0, detected: e, Please use the SQL function EXTRACT instead
-- DateTimeFormatterHelper: unsupportedLetters (A B n N p) and weekBasedLetters; SimpleDateFormat
-- knows neither 'A' nor 'e', so the IllegalArgumentException itself fails the query.
CREATE SOURCE s (t TIMESTAMP) WITH (connector = 'files', path = 'j', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_format(t, 'yyyy A') AS a, from_unixtime(0, 'yyyy e') AS b FROM s;
