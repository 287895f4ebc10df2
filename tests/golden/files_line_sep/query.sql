-- The lineSep option of the files source (one ASCII byte here): only that byte ends a line,
-- so a '\r' inside a line is one of its bytes (no "\r\n" or lone "\r" line ends), and
-- empty lines are rows of text, skipped by JSON; CSV with an inferred schema splits alike.
CREATE SOURCE t WITH (connector = 'files', path = 'data/text', format = 'text', lineSep = '|');
CREATE SOURCE j (id INT, s STRING, _corrupt_record STRING)
    WITH (connector = 'files', path = 'data/json', lineSep = ';');
CREATE SOURCE c WITH (connector = 'files', path = 'data/csv', format = 'csv', lineSep = '|',
                      inferSchema = 'true');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value, length(value) AS n, hex(value) AS h FROM t WITH (name = 'text');
INSERT INTO console SELECT * FROM j WITH (name = 'json');
INSERT INTO console SELECT * FROM c WITH (name = 'csv');
