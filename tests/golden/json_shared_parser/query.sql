-- Queries reading the same columns of a JSON source share one record parser (sl_parse_<k>):
-- the rows are those of one query reading alone (json_spark_defaults), the state of a
-- top-level array carries across the records of a line (ids 14 and 15, malformed together),
-- malformed lines go to the corrupt-record column (PERMISSIVE) or are dropped (DROPMALFORMED)
-- in every query of the parser.
CREATE SOURCE src (id INT, s STRING, d DOUBLE, o STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
CREATE SOURCE dropped (id INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/json', format = 'json', mode = 'DROPMALFORMED');
INSERT INTO console SELECT * FROM src WITH (name = 'permissive');
INSERT INTO console SELECT id, s, d, o, _corrupt_record FROM src WHERE id IS NULL OR id > 9
  WITH (name = 'permissive_where');
INSERT INTO console SELECT id, d FROM dropped WITH (name = 'dropped');
INSERT INTO console SELECT d, id FROM dropped WHERE id % 2 = 0 WITH (name = 'dropped_even');
