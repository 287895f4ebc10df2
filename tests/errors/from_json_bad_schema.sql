-- expect: 6:37: Input schema int must be a struct, an array or a map.
-- expect: 6:60: function 'from_json' expects a string as argument 1, but 'n' is of type int
-- expect: 6:91: from_json: cannot parse the schema 'a INT,': syntax error: unexpected ')', expected identifier
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_json(j, 'int') AS s, from_json(n, 'a INT') AS t, from_json(j, 'a INT,') AS u FROM events;
