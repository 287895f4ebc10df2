-- expect: 2:88: sep '||' has more than one byte: the CSV reader takes a single ASCII character (multi-character separators are not supported yet)
CREATE SOURCE c (a INT) WITH (connector = 'files', path = 'csv', format = 'csv', sep = '||');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM c;
