-- substring_index as Spark's UTF8String.subStringIndex (bytes before the count-th delimiter
-- from the left, after the -count-th from the right; the whole string with fewer; '' for a
-- count of 0 or an empty delimiter; overlapping matches count: 'aaaa' with 'aa', 2 is 'a'),
-- char_length / character_length (code points, as length) and dayofmonth (as day).
-- Expected rows, worked out from that rule:
--   www.apache.org | www.apache | apache.org | '' | '' | www.apache.org | 14 | 14 | 29
--   a.b.c          | a.b        | b.c        | '' | '' | a.b.c          |  5 |  5 |  1
--   aaaa           | aaaa       | aaaa       | '' | '' | a              |  4 |  4 | NULL
--   ''             | ''         | ''         | '' | '' | ''             |  0 |  0 | 31
--   NULL           | NULL ...                                         | NULL | NULL | 5
--   é.ü.x          | é.ü        | ü.x        | '' | '' | é.ü.x          |  5 |  5 |  4
CREATE SOURCE src (s STRING, t TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT s, substring_index(s, '.', 2), substring_index(s, '.', -2) AS right2,
       substring_index(s, '.', 0) AS zero, substring_index(s, '', 1) AS nodelim,
       substring_index(s, 'aa', 2) AS overlap, char_length(s), character_length(s) AS cl,
       dayofmonth(t)
FROM src;
