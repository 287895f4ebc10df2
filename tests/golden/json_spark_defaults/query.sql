-- Spark's JSON reader defaults: single-quoted strings (allowSingleQuotes), NaN, Infinity,
-- +Infinity, +INF, -Infinity and -INF as numbers (allowNonNumericNumbers; INF and nan are
-- not), a top-level array gives one row per element (an empty one none; a non-object element
-- makes the line malformed), text after the first value on a line is ignored, and a UTF-8
-- byte order mark at the start of a file is skipped.  A STRING column receives a
-- non-numeric number as Jackson writes it ("NaN", quoted).  A value of the wrong type in one
-- element makes every row of its line malformed (ids 14 and 15), as Spark judges the line.
-- The corrupt-record column holds the whole line, leading spaces included.
CREATE SOURCE src (id INT, s STRING, d DOUBLE, o STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
CREATE SOURCE dropped (id INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/json', format = 'json', mode = 'DROPMALFORMED');
INSERT INTO console SELECT * FROM src WITH (name = 'permissive');
INSERT INTO console SELECT id, d FROM dropped WITH (name = 'dropped');
