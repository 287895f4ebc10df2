-- Quoted fields as Spark's CSV reader gets them from univocity's CsvParser (quote ", escape \,
-- STOP_AT_DELIMITER): \" and \\ unescape; a doubled quote or text after the closing quote
-- leaves the field as it is; whitespace after the closing quote is dropped; an escape just
-- after the closing quote reads on past the next separator; "" is NULL like an empty field.
CREATE SOURCE q (id INT, v STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/csv', format = 'csv');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT id, v, length(v) AS len, _corrupt_record FROM q;
