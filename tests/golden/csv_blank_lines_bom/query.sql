-- CSV lines as Spark's reader takes them: a line whose bytes are all <= ' ' ("\r\n", spaces,
-- tabs) is no record (CSVExprUtils.filterCommentAndEmpty keeps line.trim.nonEmpty), the
-- header is the first line that is not blank (CSVExprUtils.extractHeader: dropWhile
-- trim.isEmpty), and a UTF-8 byte order mark starting a file is dropped (univocity's
-- AbstractCharInputReader.start discards a leading U+FEFF).  No row here is malformed.
CREATE SOURCE h (id INT, name STRING, v DOUBLE, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events/h', format = 'csv', header = true);
CREATE SOURCE nh (id INT, name STRING, v DOUBLE, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events/nh', format = 'csv');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM h WITH (name = 'header');
INSERT INTO console SELECT id, name, length(name) AS n, v, _corrupt_record FROM nh
  WITH (name = 'no_header');
