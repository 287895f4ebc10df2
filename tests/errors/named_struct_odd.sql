-- expect: 4:22: named_struct requires 2n (n > 0) parameters but the actual number is 3
CREATE SOURCE s (a INT, b STRING) WITH (connector = 'files', path = 'd', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT named_struct('k', a, 'v') AS x FROM s;
