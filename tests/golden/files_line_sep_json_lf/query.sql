-- JSON with a lineSep and no corrupt record column: a '\n' inside a record is read as Jackson
-- reads it, whitespace between tokens (pretty-printed objects) and a control character inside
-- a string (a malformed record: a row of NULLs), a "\r\n" before the separator is whitespace,
-- and a record of whitespace only is no row (JacksonParser.parse: a null first token).
CREATE SOURCE j (id INT, s STRING) WITH (connector = 'files', path = 'data/j', lineSep = '<EOR>');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM j;
