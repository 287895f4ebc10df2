-- left(s, n) and right(s, n) as Spark's Left and Right (stringExpressions.scala): Left is
-- Substring(s, 1, n); Right is '' for n <= 0, else Substring(s, -n); NULL when either is,
-- counted in characters.  Expected rows (b, a):
--   héllo, 3: hé | lo | '' | '' | héllo | hél | llo
--   '', 1:    '' | '' | '' | '' | ''    | ''  | ''
--   NULL, 1:  NULL in every column
--   ab, NULL: ab | ab | '' | '' | ab    | NULL | NULL
--   xyz, -2:  xy | yz | '' | '' | xyz   | ''  | ''
CREATE SOURCE s (a INT, b STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT b, left(b, 2), right(b, 2), left(b, 0) AS l0, right(b, -1) AS rn, right(b, 10) AS r10,
       left(b, a) AS la, right(b, a) AS ra
FROM s;
