-- A '\n' or '\r' inside a record of a files source whose lineSep is one other byte: only the
-- lineSep ends a record (Hadoop's LineReader.readCustomLine), and the record keeps those bytes:
-- text's value holds them ("c\r": no "\r\n" trimmed), CSV reads them as data of a field, quoted
-- or not (univocity's Format.setLineSeparator of one character makes it the normalized
-- newline, so '\n' is an ordinary character; Spark trims no field), and a record of '\n's and
-- spaces is blank, skipped (CSVExprUtils.filterCommentAndEmpty: line.trim.nonEmpty).
CREATE SOURCE t WITH (connector = 'files', path = 'data/text', format = 'text', lineSep = '|');
CREATE SOURCE c (a STRING, b STRING, c STRING, _corrupt_record STRING)
    WITH (connector = 'files', path = 'data/csv', format = 'csv', lineSep = '\u0001');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value, length(value) AS n, hex(value) AS h FROM t WITH (name = 'text');
INSERT INTO console SELECT a, hex(b) AS hb, hex(c) AS hc, _corrupt_record FROM c WITH (name = 'csv');
