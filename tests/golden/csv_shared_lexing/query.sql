-- Header names (split by schema inference) and values (split by the reader) follow one rule;
-- integers beyond 64 bits are decimal(20,0), and 1 with 1e0 widens int + decimal(1,0) to
-- decimal(10,0), as Spark's CSVInferSchema does.
CREATE SOURCE t WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true,
  inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM t WITH (name = 'shared');
