-- enforceSchema = false: a header whose second name is not the schema's fails the query with
-- the IllegalArgumentException of Spark 3.5's CSVHeaderChecker, which lists the header and
-- the schema, the first name that differs and the file as its URI.
CREATE SOURCE src (id INT, name STRING, score DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
        enforceSchema = false);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM src;
