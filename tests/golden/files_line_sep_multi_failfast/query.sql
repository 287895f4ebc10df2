-- FAILFAST with a lineSep of several bytes: the error names the record's line (the
-- separators before it, plus one) and its byte in the file, not in the compacted buffer.
CREATE SOURCE j (id INT) WITH (connector = 'files', path = 'data/j', lineSep = '<EOR>', mode = 'FAILFAST');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM j;
