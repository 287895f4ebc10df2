-- FAILFAST with multiLine = true: record 2 ("two\nlines" in quotes, then a field too many)
-- fails the query, naming the row PERMISSIVE would keep (FailureSafeParser); the position
-- is the record's first byte.
CREATE SOURCE src (id INT, txt STRING)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true,
        multiLine = true, mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT id, to_json(named_struct('txt', txt)) AS txt FROM src;
