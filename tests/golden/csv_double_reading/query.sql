-- DOUBLE and REAL columns from CSV text (see test.conf).
CREATE SOURCE t (k STRING, d DOUBLE, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true);
CREATE SOURCE f (k STRING, d REAL)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM t WITH (name = 'as_double');
INSERT INTO console SELECT * FROM f WITH (name = 'as_real');
