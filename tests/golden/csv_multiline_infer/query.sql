-- inferSchema with multiLine = true (MultiLineCSVDataSource.infer): the first record names
-- the columns and each file's first record is dropped (tokenizeStream's shouldDropHeader).
-- a's first row holds "text\nabc,def" in quotes: read by lines, "abc" would make column a a
-- STRING; read as records, a is INT, b STRING, c DATE.
CREATE SOURCE inferred
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true,
        multiLine = true, inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT a, to_json(named_struct('b', b)) AS b, c FROM inferred;
