-- multiLine = true (Spark's MultiLineCSVDataSource, univocity's CsvParser over the whole
-- file): a quoted value runs over line ends; the header is each file's first record.
-- a.csv ("\n" lines): 1 and 4 hold line ends (4 an empty line) inside quotes, 2 escaped
-- quotes; the empty line is no record, the line of three spaces is a record of one value
-- (malformed, its id "   " no INT); 3 has a bad INT, 5 a field too many; 6's quote never
-- closes, so its value runs to the end of the file (two fields: malformed).
-- b.csv ("\r\n" lines, detected from the first line end): "\r\n" inside quotes reads as
-- "\n" (univocity normalises the file's separator inside quotes too when lineSep is not
-- set), a lone '\n' and a lone '\r' stay, and an unquoted value holds a lone '\n' (it ends
-- at the "\r\n"); 10 has a bad INT, its text without the "\r\n".
-- c.csv ("\r" lines): the '\r' inside quotes reads as "\n".
-- The corrupt record column holds the record's text, its line end dropped.
-- DROPMALFORMED keeps the well-formed records, files longest first in one batch.
CREATE SOURCE permissive (id INT, txt STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true,
        multiLine = true, maxFilesPerTrigger = 1);
CREATE SOURCE dropping (id INT, txt STRING, n INT)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true,
        multiLine = 'true', mode = 'DROPMALFORMED');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
  SELECT id, to_json(named_struct('txt', txt)) AS txt, n,
         to_json(named_struct('bad', _corrupt_record)) AS corrupt
  FROM permissive WITH (name = 'permissive');
INSERT INTO console SELECT id, to_json(named_struct('txt', txt)) AS txt, n FROM dropping
  WITH (name = 'dropmalformed');
