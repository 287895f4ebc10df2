-- len (Spark 3.4's alias of Length, named len(...)): the code points of a STRING, the bytes of
-- a BINARY, other atomic values as their STRING. Expected rows, from that rule:
--   'abc'   -> 3, 3 bytes, len(n) of 12 -> 2
--   ''      -> 0, 0, len(-5) -> 2
--   'é𝄞x'   -> 3 code points, 7 bytes (2 + 4 + 1), n NULL -> NULL
--   NULL    -> NULL, NULL, len(100000) -> 6
CREATE SOURCE src (s STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT s, len(s), LEN(CAST(s AS BINARY)) AS bytes, len(n) FROM src;
