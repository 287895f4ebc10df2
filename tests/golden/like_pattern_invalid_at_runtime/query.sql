-- The second row's pattern a\x puts the escape character before 'x': Spark fails the query
-- with INVALID_FORMAT.ESC_IN_THE_MIDDLE, the pattern printed as a SQL string ('a\\x').
CREATE SOURCE s (s STRING, p STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, p, s LIKE p AS m FROM s WITH (name = 'patterns');
