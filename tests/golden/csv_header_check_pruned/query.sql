-- enforceSchema = false when the query reads some columns only: Spark prunes the others
-- (CSVFileFormat.buildReader), univocity's parser then returns the header's fields at the
-- places of the columns read, and CSVHeaderChecker compares only those with their names.
-- Reading `name` alone, `x,NAME,extra,more` and `y,name` both conform to (id, name, score);
-- reading every column, neither would.
CREATE SOURCE src (id INT, name STRING, score DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
        enforceSchema = false);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT upper(name) AS name FROM src;
