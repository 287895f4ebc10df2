-- Static tables read with multiLine = true (MultiLineCSVDataSource, univocity's reader over
-- each whole file), batch queries.
-- ml (header = true): a.csv has a byte order mark and "\r\n" lines (inside quotes "\r\n"
-- reads as "\n"); b.csv is empty; c.csv has "\r" lines: 4 has a field too many (its corrupt
-- text keeps the '\r' that ended it: stripLineEnd drops only "\n", "\r\n" and a form feed),
-- 5's quote never closes and runs to the end of the file; d.csv is a header alone.
CREATE TABLE notes (id INT, note STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true, multiLine = true);
-- lead (ignoreLeadingWhiteSpace): each file ends in a line of spaces, a record of no value
-- before the end of the file; univocity's consumeValueOnEOF makes it one (emptyValue 'E')
-- when the parser's previous character, kept from the record before, is set: after l1's
-- unescaped quote ("a"x) and l3's "a" (in a "\r\n" file the '\r' after the quote sends it
-- to the slow path), not after l2's "a" (getQuotedString leaves it unset): nullValue.
CREATE TABLE lead (a STRING, b STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/lead', format = 'csv', multiLine = true,
        ignoreLeadingWhiteSpace = true, emptyValue = 'E');
-- trail (ignoreTrailingWhiteSpace): a value of spaces ended by a line end or the delimiter is
-- getString's nullValue; one that reaches the end of the file is read by the slow path,
-- whose empty appender is emptyValue (t1's last value).
CREATE TABLE trail (a STRING, b STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/trail', format = 'csv', multiLine = true,
        ignoreTrailingWhiteSpace = true, emptyValue = 'E');

SELECT id, hex(note) AS note, hex(_corrupt_record) AS corrupt,
       regexp_extract(input_file_name(), '[^/]*$', 0) AS file
FROM notes ORDER BY id;
SELECT regexp_extract(input_file_name(), '[^/]*$', 0) AS file, a, b,
       hex(_corrupt_record) AS corrupt
FROM lead ORDER BY file, a, corrupt;
SELECT regexp_extract(input_file_name(), '[^/]*$', 0) AS file, a, b,
       hex(_corrupt_record) AS corrupt
FROM trail ORDER BY file, a, corrupt;
