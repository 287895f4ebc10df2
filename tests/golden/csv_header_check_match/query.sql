-- enforceSchema = false: each file's header is compared with the schema's names by position,
-- ignoring case (Spark 3.5's CSVHeaderChecker with spark.sql.caseSensitive false):
-- `ID,Name,Score` and `id,NAME,score` both conform to (id, name, score).  An empty file, and
-- one of blank lines only, have no header and are not checked.
CREATE SOURCE src (id INT, name STRING, score DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
        enforceSchema = false);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT id, name, score FROM src;
