-- A '\r' that ends a record's last field with a lineSep of one byte (';'): Spark's
-- LineReader.readCustomLine hands univocity the record as the file has it, and univocity's
-- newline is the lineSep (Format.setLineSeparator of one character sets normalizedNewline),
-- so the '\r' is a character of the value (CsvParser.parseSingleDelimiterRecord appends up
-- to the delimiter or newline; ignoreTrailingWhiteSpace is off): "y\r", an unterminated
-- quote's "r\r" and "s\r" keep it.  After a closing quote whitespace is dropped
-- (parseQuotedValue): "q".  A record of a '\r' alone is blank (line.trim.nonEmpty), skipped.
-- A value that converts sees its '\n' and '\r' too: Double.parseDouble trims them ("1.5\n",
-- "\n2.5"), Integer.parseInt does not ("5\r": malformed, the DOUBLE kept, PERMISSIVE).
CREATE SOURCE c (a STRING, b STRING, _corrupt_record STRING)
    WITH (connector = 'files', path = 'data/str', format = 'csv', lineSep = ';');
CREATE SOURCE d (x DOUBLE, y INT, _corrupt_record STRING)
    WITH (connector = 'files', path = 'data/num', format = 'csv', lineSep = ';');
-- Schema inference reads the values alike: "1.5\n" and "2\r" are no Integer.parseInt but a
-- Double.parseDouble (CSVInferSchema.tryParseDouble), so both columns are DOUBLE.
CREATE SOURCE h WITH (connector = 'files', path = 'data/inf', format = 'csv', lineSep = ';',
                      header = 'true', inferSchema = 'true');
-- A record of more than 16 columns reads its fields through shared readers: alike.
CREATE SOURCE w (c1 DOUBLE, c2 DOUBLE, c3 DOUBLE, c4 DOUBLE, c5 DOUBLE, c6 DOUBLE, c7 DOUBLE, c8 DOUBLE, c9 DOUBLE, c10 DOUBLE, c11 DOUBLE, c12 DOUBLE, c13 DOUBLE, c14 DOUBLE, c15 DOUBLE, c16 DOUBLE, c17 DOUBLE, _corrupt_record STRING)
    WITH (connector = 'files', path = 'data/wide', format = 'csv', lineSep = ';');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT hex(a) AS ha, hex(b) AS hb, length(b) AS nb, _corrupt_record FROM c
    WITH (name = 'str');
INSERT INTO console SELECT x, y, hex(_corrupt_record) AS hc FROM d WITH (name = 'num');
INSERT INTO console SELECT a, b, typeof(a) AS ta, typeof(b) AS tb FROM h WITH (name = 'inf');
INSERT INTO console SELECT c1, c2, c17, _corrupt_record FROM w WITH (name = 'wide');
