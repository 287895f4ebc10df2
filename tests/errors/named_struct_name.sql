-- expect: 4:35: named_struct: only foldable STRING expressions are allowed to appear at odd positions
CREATE SOURCE s (a INT, b STRING) WITH (connector = 'files', path = 'd', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT named_struct(b, a) AS x FROM s;
