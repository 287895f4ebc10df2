-- expect: 4:111: a lineSep that is not ASCII with multiLine = true for csv is not supported yet
-- expect: 5:111: requirement failed: 'lineSep' can contain only 1 character.
CREATE SINK out WITH (connector = 'console');
CREATE SOURCE c (a INT) WITH (connector = 'files', path = 'data', format = 'csv', multiLine = true, lineSep = 'é');
CREATE SOURCE d (a INT) WITH (connector = 'files', path = 'data', format = 'csv', multiLine = true, lineSep = 'abc');
INSERT INTO out SELECT a FROM c;
