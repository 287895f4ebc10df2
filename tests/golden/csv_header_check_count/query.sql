-- enforceSchema = false with multiLine = true: the header is the file's first record (here two
-- quoted names, the second over two lines), and a header of two names for a schema of three
-- fails the query (Spark 3.5's CSVHeaderChecker: the number of names differs).
CREATE SOURCE src (id INT, name STRING, score DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
        multiLine = true, enforceSchema = false);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM src;
