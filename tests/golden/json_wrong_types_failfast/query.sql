-- FAILFAST: a value of the wrong type fails the query with Spark's message and the record's
-- position.
CREATE SOURCE src (id INT, s STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json', mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT id, s FROM src;
