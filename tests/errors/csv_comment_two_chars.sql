-- expect: 2:93: comment cannot be more than one character
CREATE SOURCE s (a INT) WITH (connector = 'files', path = 'data', format = 'csv', comment = '//');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM s;
