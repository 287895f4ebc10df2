CREATE SOURCE s (st STRUCT<a: INT>) WITH (connector = 'files', path = '.', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT coalesce(st, st) AS c FROM s;
