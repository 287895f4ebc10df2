-- Spark 3.5, stringExpressions.scala.  ucase/lcase: Upper/Lower by alias.  replace:
-- StringReplace (UTF8String.replace: every occurrence, left to right; the default replacement
-- is ''; an empty search changes nothing).  translate: StringTranslate by code points: 'l'->'L',
-- 'o'->'Ø', '𝄞' and 'x' (past the end of 'LØ') deleted.  ascii: Ascii, the first code point
-- ('' is 0).  chr/char: Chr(n & 0xFF) as a Latin-1 character ('' for n < 0): 230 æ, 190 ¾,
-- 200 È, 240 ð, 850 & 255 = 82 R; char(n + 256) wraps to n & 255 (U+0000 for 256, ascii 0).
-- contains/startswith/endswith: bytes, '' is in everything.  octet_length/bit_length: UTF-8
-- bytes (ö 2, 𝄞 4) and 8 times that.  btrim(s, 'xH'): StringTrimBoth, code points of the set
-- off both ends.  split_part: ElementAt(StringSplitSQL(s, d), i, ''): 'Hello, wörld' / 'lo' is
-- [Hel, ", wörld"]; 'a,,b,' / ',' is [a, '', b, '']; 'xx𝄞yx' / 'x' is ['', '', 𝄞y, '']; '' / ''
-- is ['']; past the end ''; a NULL index NULL.  space: StringSpace (n spaces, '' for n <= 0).
-- position: StringLocate by alias, named position(t, s, 1); from 5: 0, 5, 1 ('' is found at
-- once), 5.
CREATE SOURCE s (s STRING, t STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT s, t, ucase(s), lcase(s), replace(s, t, '<>') AS r3, replace(s, t) AS r2,
       translate(s, 'lo𝄞x', 'LØ') AS tr, ascii(s), chr(n * 10 + 200) AS c, ascii(char(n + 256)) AS c256,
       length(chr(n - 70)) AS cneg
FROM s;
INSERT INTO o
SELECT s, t, contains(s, t), startswith(s, t), endswith(s, t), octet_length(s), bit_length(s),
       btrim(s, 'xH') AS bt, btrim(concat('  ', t, ' ')) AS bt1, split_part(s, t, nullif(n, 0)) AS sp, split_part(s, t, 3) AS sp3,
       split_part(s, t, -2) AS spm2,
       concat('[', space(n), ']') AS sn, position(t, s), position(t, s, 5) AS p5
FROM s;
