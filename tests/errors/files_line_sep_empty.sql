-- expect: 3:42: requirement failed: 'lineSep' cannot be an empty string.
CREATE SOURCE j (id INT) WITH (connector = 'files', path = 'data',
                               lineSep = '');
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT id FROM j;
