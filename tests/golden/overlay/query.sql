-- Spark 3.5's Overlay (stringExpressions.scala): input[1 .. pos - 1] ++ replace ++
-- input[pos + len ..] by UTF8String.substringSQL on characters (ByteArray.subStringSQL on
-- BINARY bytes), len defaulting to -1, and a negative len standing for replace's length;
-- pos - 1 and pos + len are Java ints and wrap. NULL if any argument is. The PLACING form
-- is the same call, named overlay(s, r, p, -1) without FOR. Expected values: model.py.
CREATE SOURCE src (id INT, s STRING, r STRING, p INT, l INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, overlay(s PLACING r FROM p), overlay(s PLACING r FROM p FOR l) AS f,
       overlay(s, r, p, l) AS c,
       hex(overlay(encode(s, 'UTF-8') PLACING encode(r, 'UTF-8') FROM p FOR l)) AS b
FROM src;
