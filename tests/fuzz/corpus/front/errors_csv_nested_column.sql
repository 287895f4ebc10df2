-- expect: 2:27: CSV data source does not support array<string> data type.
CREATE SOURCE c (a INT, b ARRAY<STRING>) WITH (connector = 'files', path = 'csv', format = 'csv');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM c;
