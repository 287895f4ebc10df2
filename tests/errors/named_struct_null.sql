-- expect: 4:35: named_struct: Field name should not be null
CREATE SOURCE s (a INT, b STRING) WITH (connector = 'files', path = 'd', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT named_struct(NULL, a) AS x FROM s;
