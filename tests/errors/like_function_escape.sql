-- expect: 4:37: the escape character of like() must be a string literal of one character
CREATE SOURCE t (s STRING) WITH (connector = 'files', path = 'data', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT like(s, 'a!%', '!!') AS x FROM t;
