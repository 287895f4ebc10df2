-- Spark 3.5 prunes the CSV columns a query does not read (spark.sql.csv.parser.columnPruning
-- .enabled, default true) unless it reads the corrupt-record column (CSVFileFormat
-- .buildReader).  Pruned, univocity returns only the selected fields (a missing one null,
-- ParserOutput.rowParsed) and UnivocityParser.convert compares their count with the
-- required schema, so a line with too few or too many fields is not malformed; only values
-- the query reads are converted; with no column read (count(*)) no line is parsed at all
-- (UnivocityParser.parse: columnPruning && requiredSchema.isEmpty).  Reading every column,
-- or the corrupt-record column, counts the fields again.
-- Lines: 1,a,1.5 | 2,b (short) | 3,c,2.5,extra (long) | 4 (short) | x,d,1 (bad id) | 5,e,zz (bad v)
CREATE SOURCE t (id INT, name STRING, v DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
        mode = 'DROPMALFORMED');
CREATE SOURCE p (id INT, name STRING, v DOUBLE, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
-- id, name: x,d,1 dropped (bad id); the rest kept, 4 with a NULL name.
INSERT INTO console SELECT id, name FROM t WITH (name = 'two_columns');
-- no column: all 6 lines.
INSERT INTO console SELECT count(*) AS n FROM t WITH (name = 'count', outputMode = 'complete');
-- every column: only 1,a,1.5 is well formed.
INSERT INTO console SELECT * FROM t WITH (name = 'all_columns');
-- the corrupt-record column read: not pruned, the field count matters (PERMISSIVE keeps
-- what converted); v is not read, so 5,e,zz is well formed.
INSERT INTO console SELECT id, _corrupt_record FROM p WITH (name = 'corrupt_read');
