-- The text a JSON record leaves in the corrupt-record column when it holds a newline
-- (JsonDataSource's TextInputJsonDataSource: the record literal is the line
-- HadoopFileLinesReader gives, the separator removed).
-- d1, no lineSep: lines end at "\n", "\r\n" or a lone "\r" (LineReader.readDefaultLine); an
--   escaped "\n" is two characters of the text; a raw '\n' inside a string ends the line, so
--   each part is malformed (id 5: two records of NULLs).
-- d2, lineSep '|': LineReader.readCustomLine ends a record at the separator alone, so '\n'
--   and '\r' are bytes of the record: whitespace to Jackson between tokens (id 2 and 5 parse,
--   their "n" fails: partial rows), a control character refused inside a string (id 3:
--   malformed); the text keeps them all, the "\r\n" before a '|' too; "\n" alone is no record.
-- d3, lineSep '\r\n': a lone '\n' or '\r' is data (id 1's text keeps its '\n', id 2's raw
--   '\r' in a string is malformed); "\r\r\n" ends at the second '\r' (the first is data).
-- d4, lineSep '|' with a parser switch (allowComments) and single quotes (allowSingleQuotes,
--   on by default): the same text.
-- The console escapes '\n' and '\r' as Spark 3.5's showString does (escapeMetaCharacters);
-- len tells an escaped "\n" (two characters) from a newline (one).
CREATE TABLE a (id INT, s STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/d1', format = 'json');
CREATE TABLE b (id INT, s STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/d2', format = 'json', lineSep = '|');
CREATE TABLE c (id INT, s STRING, n INT, bad STRING)
  WITH (connector = 'files', path = 'data/d3', format = 'json', lineSep = '\r\n',
        columnNameOfCorruptRecord = 'bad');
CREATE TABLE d (id INT, s STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/d4', format = 'json', lineSep = '|',
        allowComments = 'true');
SELECT id, s, n, _corrupt_record, length(_corrupt_record) AS len FROM a WITH (truncate = false);
SELECT id, s, n, _corrupt_record, length(_corrupt_record) AS len FROM b WITH (truncate = false);
SELECT id, s, n, bad, length(bad) AS len FROM c WITH (truncate = false);
SELECT id, s, n, _corrupt_record, length(_corrupt_record) AS len FROM d WITH (truncate = false);
