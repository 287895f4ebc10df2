-- expect: 5:36: the escape \0 makes a NUL character, which string literals cannot hold
-- expect: 5:43: the escape \000 makes a NUL character, which string literals cannot hold
CREATE SOURCE e (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT concat(k, 'a\0b', '\000', '\101') AS s FROM e;
