-- struct() and named_struct() as Spark's CreateStruct / CreateNamedStruct
-- (complexTypeCreator.scala): a struct is never NULL, its fields are the values; struct()
-- names a field by the column it names, else col<i>; named_struct() by its constant names.
-- The plan's sink line shows the field names and types.  Rows (a, b):
--   (1, x), (NULL, y), (3, NULL), (5, x)
-- so struct(b, a % 2) groups {x, 1} (rows 1 and 4: 1 % 2 = 5 % 2 = 1), {y, NULL}, {NULL, 1}.
CREATE SOURCE s (a INT, b STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT struct(a, b), struct(a + 1, b) AS s2, named_struct('k', a, 'v', upper(b)) AS y,
       named_struct('k', a).k AS yk, struct(a, b).b AS sb
FROM s;

INSERT INTO out
SELECT struct(b, a % 2) AS g, count(*) AS n
FROM s
GROUP BY struct(b, a % 2)
ORDER BY g
WITH (outputMode = 'complete');
