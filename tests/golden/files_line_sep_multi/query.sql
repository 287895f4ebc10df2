-- The lineSep option of several bytes (Hadoop's LineReader.readCustomLine): the leftmost
-- whole separator ends a record, a partial one is data ("l|ast", "|end", "a<EO"), a '\r'
-- inside a record is one of its bytes; empty records are rows of text and skipped by JSON and
-- CSV; CSV takes at most 2 UTF-16 units, '€' is one (3 bytes in UTF-8).
CREATE SOURCE t WITH (connector = 'files', path = 'data/text', format = 'text', lineSep = '||');
CREATE SOURCE j (id INT, s STRING, _corrupt_record STRING)
    WITH (connector = 'files', path = 'data/json', lineSep = '<EOR>');
CREATE SOURCE c WITH (connector = 'files', path = 'data/csv', format = 'csv', lineSep = '€',
                      header = 'true', inferSchema = 'true');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT value, length(value) AS n, hex(value) AS h FROM t WITH (name = 'text');
INSERT INTO console SELECT * FROM j WITH (name = 'json');
INSERT INTO console SELECT *, typeof(a) AS ta FROM c WITH (name = 'csv');
