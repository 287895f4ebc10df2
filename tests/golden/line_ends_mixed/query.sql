-- Lines end at "\n", "\r\n" or a "\r" not followed by "\n", also at the end of a file, as
-- Spark reads text, JSON and CSV files without lineSep: HadoopFileLinesReader's
-- LineRecordReader, LineReader.readDefaultLine.  The text format keeps empty lines; JSON
-- and CSV skip blank ones; `{"a":\r}` is two malformed lines.  The CSV header ends in a
-- lone "\r", and so do the lines schema inference reads.
CREATE SOURCE lines WITH (connector = 'files', path = 'data/events/text', format = 'text');
CREATE SOURCE js (a INT, s STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events/json', format = 'json');
CREATE SOURCE cs (id INT, name STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events/csv', format = 'csv');
CREATE SOURCE ch WITH (connector = 'files', path = 'data/events/csvh', format = 'csv',
  header = true, inferSchema = true);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value, length(value) AS n FROM lines WITH (name = 'text');
INSERT INTO console SELECT a, s, length(s) AS n, _corrupt_record FROM js WITH (name = 'json');
INSERT INTO console SELECT id, name, length(name) AS n, _corrupt_record FROM cs
  WITH (name = 'csv');
INSERT INTO console SELECT id + 1 AS next, name, length(name) AS n FROM ch
  WITH (name = 'csv_inferred');
