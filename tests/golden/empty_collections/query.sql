-- Rows (a, xs): (1, [1, 2]) and (NULL, NULL).
-- types:   array() ARRAY<VOID>, map() MAP<VOID, VOID>, struct() and named_struct() STRUCT<>,
--          array(NULL) ARRAY<VOID>; printed [], {}, {}, {}, [NULL].
-- widened: coalesce(array(), xs) is array() (never NULL): [] twice; coalesce(xs, array()):
--          [1, 2] then []; concat(array(), xs): ARRAY<INT>, [1, 2] then NULL (a NULL input);
--          size 0 and 0; array_contains(array(), a): the array cast to ARRAY<INT>, false then
--          NULL (a NULL value); array_max(array()) NULL (of VOID); array_join(array(NULL), ',',
--          'x') casts to ARRAY<STRING>, the NULL replaced: x; array_remove(array(), a) is an
--          ARRAY<INT>, [] then NULL (a NULL value); map_concat(map(), map('k', a)): {k -> 1} then {k -> NULL}.
-- JSON files sink: {"a":1,"e":[],"m":{},"s":{},"an":[null]} and the same without "a" (a NULL
-- field is left out).
CREATE SOURCE t (a INT, xs ARRAY<INT>)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
CREATE SINK j WITH (connector = 'files', path = 'out/j', format = 'json');
INSERT INTO o
SELECT array() AS e, map() AS m, struct() AS s, named_struct() AS ns, typeof(array()) AS ta,
       typeof(map()) AS tm, typeof(struct()) AS ts, array(NULL) AS an, typeof(array(NULL)) AS tan
FROM t WITH (name = 'types');
INSERT INTO o
SELECT coalesce(array(), xs) AS c1, coalesce(xs, array()) AS c2, concat(array(), xs) AS cc,
       typeof(concat(array(), xs)) AS tcc, size(array()) AS sz, size(map()) AS szm,
       array_contains(array(), a) AS ac, array_max(array()) AS mx,
       array_join(array(NULL), ',', 'x') AS aj, typeof(array_remove(array(), a)) AS tar,
       array_remove(array(), a) AS ar, map_concat(map(), map('k', a)) AS mc
FROM t WITH (name = 'widened');
INSERT INTO j SELECT a, array() AS e, map() AS m, struct() AS s, array(NULL) AS an
FROM t WITH (name = 'json', checkpointLocation = 'chk');
