-- expect: 4:101: lineSep with multiLine = true for csv is not supported yet
-- expect: 5:103: multiLine = true with a corrupt record column ('_corrupt_record') is not supported yet: declare the schema without it
CREATE SINK out WITH (connector = 'console');
CREATE SOURCE c (a INT) WITH (connector = 'files', path = 'data', format = 'csv', multiLine = true, lineSep = ';');
CREATE SOURCE j (a INT, _corrupt_record STRING) WITH (connector = 'files', path = 'data', multiLine = 'true');
INSERT INTO out SELECT a FROM c;
