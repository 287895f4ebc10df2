-- Dataset.show escapes meta-characters in the header and in every cell before it measures
-- and truncates them (Dataset.getRows: SchemaUtils.escapeMetaCharacters, Spark 3.2+,
-- SPARK-33690): \n \r \t \f \b, U+000B as \v, U+0007 as \a.  Truncation cuts Java's
-- String (UTF-16 units): substring(0, 17) may end inside a surrogate pair, whose lone high
-- surrogate prints as '?'.
CREATE TABLE t (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT s, length(s) AS n, concat(s, '\t') AS `tab	col` FROM t;
SELECT s AS `new
line` FROM t WITH (truncate = false);
