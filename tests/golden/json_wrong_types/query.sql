-- JSON values of the wrong type make the record malformed with partial results (Spark 3.4+):
-- PERMISSIVE keeps the fields that parsed, the bad one NULL (inside a struct: only that
-- field), and puts the line in the corrupt-record column; DROPMALFORMED drops the record.
-- Only the columns a query reads are converted (as Spark prunes the schema): `dropped` keeps
-- the records whose bad value is in b, st, arr, t or dt.
CREATE SOURCE permissive (id INT, b BOOLEAN, d DOUBLE, s STRING, t TIMESTAMP, dt DATE,
                          st STRUCT<x: INT, y: STRING>, arr ARRAY<INT>, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SOURCE dropped (id INT, b BOOLEAN, d DOUBLE, s STRING, t TIMESTAMP, dt DATE,
                       st STRUCT<x: INT, y: STRING>, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/json', format = 'json', mode = 'DROPMALFORMED');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT * FROM permissive WITH (name = 'permissive');
INSERT INTO console SELECT id, s, d FROM dropped WITH (name = 'dropped');
