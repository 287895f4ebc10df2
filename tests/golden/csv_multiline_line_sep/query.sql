-- csv multiLine = true with lineSep (CSVOptions.asParserSettings: univocity's
-- format.setLineSeparator(lineSep), no detection, line endings not normalised inside quotes).
-- semis (lineSep ';', also univocity's newLine): ';' ends a record outside quotes and is data
-- inside them (1); a '\n' is data everywhere: 2's unquoted "a\nb", 3's quoted "p\nq" (3 has
-- a bad INT: malformed, its text with the ';' that ended it, which stripLineEnd keeps), the
-- record "\n4,z,5" (id "\n4" is no INT), and the file's last "\n", a record of one value
-- (too few: malformed, its text "\n" stripped to "").
-- crlf (lineSep '\r\n', two characters: newLine stays '\n'): "\r\n" inside quotes stays
-- "\r\n" (1; without lineSep it would read as "\n"); an unquoted value ends at "\r\n" alone
-- (2's "c\nd"); after a closing quote '\r' is whitespace and '\n' ends the record (3's "q",
-- n NULL: too few values); 4's '"r"||' is a quote with text after it (STOP_AT_DELIMITER),
-- read up to the lone '\n', which ends the record too.
-- bars (lineSep '||'): inside quotes "||" is data (1); after a closing quote the separator
-- is read as its bytes, an unescaped quote, so 2's value runs on to the next ',' and the
-- record has 4 values (malformed: its first 3 kept, its text with the "||" that ended it).
CREATE SOURCE semis (id INT, txt STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/semi', format = 'csv', header = true,
        multiLine = true, lineSep = ';');
CREATE SOURCE crlf (id INT, txt STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/crlf', format = 'csv', header = true,
        multiLine = true, lineSep = '\r\n');
CREATE SOURCE bars (id INT, txt STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/bars', format = 'csv', header = true,
        multiLine = true, lineSep = '||');
-- inferSchema reads bars with its lineSep too: id INT, txt STRING, n INT (a 4th value is not
-- inferred, CSVInferSchema.inferRowType).
CREATE SOURCE bars_inferred
  WITH (connector = 'files', path = 'data/bars', format = 'csv', header = true,
        multiLine = true, lineSep = '||', inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
  SELECT id, hex(txt) AS txt, n, hex(_corrupt_record) AS corrupt FROM semis WITH (name = 'semi');
INSERT INTO console
  SELECT id, hex(txt) AS txt, n, hex(_corrupt_record) AS corrupt FROM crlf WITH (name = 'crlf');
INSERT INTO console
  SELECT id, txt, n, _corrupt_record AS corrupt FROM bars WITH (name = 'bars');
