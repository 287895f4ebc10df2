-- FAILFAST in a parser shared by two queries (cg_parser.c): the value of the wrong type fails
-- the query with Spark's message and the record's position, as with a parser of its own
-- (json_wrong_types_failfast).
CREATE SOURCE src (id INT, s STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json', mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT id, s FROM src;
INSERT INTO console SELECT s, id FROM src WHERE id > 0 WITH (name = 'second');
