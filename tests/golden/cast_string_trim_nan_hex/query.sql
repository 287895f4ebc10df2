-- CAST of strings with Spark 3.5's non-ANSI Cast: toInt/toLong and isTrueString trim the
-- bytes UTF8String.isWhitespaceOrISOControl accepts (<= ' ' and DEL); Double.parseDouble
-- trims only <= ' ', reads "NaN" after a sign and hexadecimal floats (FloatingDecimal).
CREATE TABLE t (id INT, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT id, CAST(s AS INT) AS i, CAST(s AS BIGINT) AS l, CAST(s AS BOOLEAN) AS b,
       CAST(s AS DOUBLE) AS d, CAST(s AS FLOAT) AS f
FROM t ORDER BY id WITH (numRows = 30);
