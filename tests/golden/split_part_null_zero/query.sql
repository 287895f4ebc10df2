-- split_part (SplitPart: ElementAt(StringSplitSQL(str, delimiter), partNum, '')): ElementAt is
-- a BinaryExpression, whose eval returns NULL for a NULL array before it reads the index, so
-- a part number of 0 fails the query (INVALID_INDEX_OF_ZERO) only when the string and the
-- delimiter are both non-NULL; rows 1 and 2 are NULL, row 3 'b', row 4 'b' (from the end),
-- row 5 '' (past the end), row 6 NULL (a NULL part number).
CREATE SOURCE e (id INT, s STRING, dl STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, split_part(s, dl, n) AS p FROM e;
