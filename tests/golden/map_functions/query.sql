-- Spark 3.5's map functions over a JSON map column (JacksonParser.convertMap: keys as read)
-- and maps built per row (CreateMap, MapFromArrays, StringToMap, MapConcat, all through
-- ArrayBasedMapBuilder), shown as Dataset.show() prints them ({k -> v}, NULL inside) and
-- written by to_json ({"k":v}).  expected.out is recomputed by tests/tools/check_map_goldens.py,
-- which models those rules in Python (ctest map_functions_reference).  Unaliased columns are
-- named as Spark names them: m[p], and str_to_map(s, ,, :) with StringToMap's default
-- delimiters.  map() is MAP<VOID, VOID>, widened to the other map's type (findTypeForComplex).
CREATE SOURCE e (id INT, s STRING, m MAP<STRING, INT>, t STRING)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, m, map(s, id, 'k', 2) AS built, m['p'] AS p, element_at(m, 'zz') AS absent,
       size(m) AS n, cardinality(m) AS c, map_keys(m) AS ks, map_values(m) AS vs,
       map_entries(m) AS es, map_contains_key(m, 'q') AS has_q, to_json(m) AS j,
       str_to_map(t) AS st, str_to_map(t, ';', '=') AS st2, map_concat(m, map('z', id)) AS mc,
       map_from_arrays(array(1, 2), array(s, t)) AS mfa
FROM e WITH (name = 'maps');
INSERT INTO o SELECT id, explode(m) AS (k, v) FROM e WITH (name = 'explode');
INSERT INTO o SELECT id, posexplode_outer(m) FROM e WITH (name = 'posexplode_outer');
INSERT INTO o
SELECT id, map_filter(m, (k, v) -> v > 0) AS f, transform_values(m, (k, v) -> v * 10) AS tv,
       transform_keys(m, (k, v) -> concat(k, '!')) AS tk,
       map_zip_with(m, map('q', 5, 'r', 6), (k, a, b) -> coalesce(a, 0) + coalesce(b, 0)) AS z
FROM e WITH (name = 'higher_order');
INSERT INTO o
SELECT id, coalesce(m, map('none', 0)) AS cm, CASE WHEN id > 2 THEN m END AS wm, m IS NULL AS isn,
       CAST(NULL AS MAP<STRING, INT>) AS nm, m['p'], str_to_map(s), map() AS e0,
       map_concat(m, map()) AS mc0
FROM e WITH (name = 'conditional');
-- Cast of MapTypes (Cast.castMap): each key and value cast; keys may not become NULL.  To
-- STRING (Cast.castToString): {k -> v} with a NULL inside as null.
INSERT INTO o
SELECT id, CAST(m AS MAP<STRING, DOUBLE>) AS md, CAST(map(id, s) AS MAP<BIGINT, STRING>) AS mb,
       CAST(m AS STRING) AS ms
FROM e WITH (name = 'casts');
