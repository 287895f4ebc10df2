-- A '\n' inside a record of a text source whose lineSep has several bytes: only the leftmost
-- whole lineSep ends a record (Hadoop's LineReader.readCustomLine, the bytes of a partial one
-- at the end of the file kept), and TextFileFormat's value holds the record's '\n's and
-- '\r's as they are: "a\nb", "c\r" (the '\r' before "\r\n" is data), "\n", "last\r";
-- with 'ab': "x\ny", "" (two separators in a row), "\r\nza" ("aab": the first 'a' is data).
CREATE SOURCE t WITH (connector = 'files', path = 'data/crlf', format = 'text', lineSep = '\r\n');
CREATE SOURCE u WITH (connector = 'files', path = 'data/ab', format = 'text', lineSep = 'ab');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT length(value) AS n, hex(value) AS h FROM t WITH (name = 'crlf');
INSERT INTO console SELECT length(value) AS n, hex(value) AS h FROM u WITH (name = 'ab');
