-- regexp_count (RegExpCount: the size of regexp_extract_all(s, p, 0)), regexp_substr
-- (RegExpSubStr: regexp_extract(s, p, 0), NULL when that is ''), regexp_extract_all
-- (RegExpExtractAll: group idx, 1 by default, of every match of Java's find loop, which moves
-- one character on after an empty match: '[0-9]*' on 'a1b22c333' finds '', '1', '', '22', '',
-- '333', ''; '' matches 10 times in 9 characters, 3 times in 'é1' (one UTF-16 unit each)).
-- An array of one '' prints as [] (as Spark's console sink shows it).
CREATE SOURCE e (s STRING, p STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT regexp_count(s, '[0-9]+') AS c, regexp_substr(s, '[0-9]+') AS sub,
       regexp_extract_all(s, '([a-z])([0-9]+)'), regexp_extract_all(s, '([a-z])([0-9]+)', 2) AS a2,
       regexp_extract_all(s, '[0-9]*', 0) AS a0, regexp_count(s, '') AS ce, regexp_count(s, p) AS cp
FROM e;
