-- regexp_instr (Spark 3.4's RegExpInStr): Matcher.find, then start() + 1, an index into the
-- Java String (UTF-16 units: a character beyond U+FFFF counts two); 0 without a match; the
-- idx argument (default 0, which names it) is evaluated, not used. Expected rows:
--   'user@spark.apache.org': '@[^.]*' at 4 -> 5; 'a' at 7 -> 8; '[a-z]+' at 0 -> 1; no 'x' -> 0
--   'é𝄞@x' (é one unit, 𝄞 two): '@' at 3 -> 4; 'x' at 4 -> 5 and 5; n NULL -> NULL
--   'abc': no '@' -> 0; '' matches at 0 -> 1; 1; 0
--   '': 0; '^$' at 0 -> 1; '[a-z]+' none -> 0; 0
--   NULL: NULL everywhere
--   'ab' with a NULL pattern column: 0; NULL; 1; 0
CREATE SOURCE src (s STRING, p STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT regexp_instr(s, '@[^.]*'), regexp_instr(s, p) AS dyn, regexp_instr(s, '[a-z]+', 1) AS idx1,
       regexp_instr(s, 'x', n) AS xn
FROM src;
