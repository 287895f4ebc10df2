-- expect: 3:101: lineSep with multiLine = true for csv is not supported yet
CREATE SINK out WITH (connector = 'console');
CREATE SOURCE c (a INT) WITH (connector = 'files', path = 'data', format = 'csv', multiLine = true, lineSep = ';');
INSERT INTO out SELECT a FROM c;
