-- Interval columns of JSON and CSV files.  By hand (the type's own form, bare or as its literal,
-- trimmed; anything else is a malformed record, PERMISSIVE keeping the other fields and the
-- text in _corrupt_record):
--   JSON a: 1 02:03:04.5, 10:30 (its literal), 1-2, {-3 months}, not corrupt.
--   JSON b: 'bad' is no DAY TO SECOND: d NULL, the rest read, corrupt.
--   JSON c: d null is NULL; h the number 5 is no string (failedConversion); 'INTERVAL ''2'' YEAR'
--   is not the YEAR TO MONTH literal: h, y NULL, corrupt.
--   JSON d: ' -0 00:00:00.000001 ' trimmed is -1 µs; 23:59; 10-11; n.x 'x' bad: {NULL}, corrupt.
--   CSV: the same values as text; c's empty d and y are NULL (nullValue ''), its 5 is no HOUR TO
--   MINUTE: corrupt; d's literals in any case.  DROPMALFORMED keeps a and d.
--   Derived: d + h (DAY TO SECOND), y * 2.
CREATE SOURCE j (k STRING, d INTERVAL DAY TO SECOND, h INTERVAL HOUR TO MINUTE,
                 y INTERVAL YEAR TO MONTH, n STRUCT<x INTERVAL MONTH>, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/j', format = 'json');
CREATE SOURCE c (k STRING, d INTERVAL DAY TO SECOND, h INTERVAL HOUR TO MINUTE,
                 y INTERVAL YEAR TO MONTH, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/c', format = 'csv');
CREATE SOURCE cd (k STRING, d INTERVAL DAY TO SECOND, h INTERVAL HOUR TO MINUTE,
                  y INTERVAL YEAR TO MONTH)
  WITH (connector = 'files', path = 'data/c', format = 'csv', mode = 'DROPMALFORMED');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT * FROM j WITH (name = 'json');
INSERT INTO out SELECT * FROM c WITH (name = 'csv');
INSERT INTO out SELECT k, d + h AS dh, y * 2 AS y2 FROM cd WITH (name = 'csv_dropmalformed');
