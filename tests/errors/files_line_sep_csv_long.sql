-- expect: 3:42: requirement failed: 'lineSep' can contain only 1 character.
CREATE SOURCE c (id INT) WITH (connector = 'files', path = 'data', format = 'csv',
                               lineSep = '123');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT id FROM c;
