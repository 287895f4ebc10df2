-- s['f'] of a STRUCT is Spark's ExtractValue(s, Literal('f')): GetStructField of the field
-- findField finds with the case-insensitive resolver, as s.f; its column is named by
-- toPrettySQL with the name as written (s.BC for s['BC']).  x.f of something that is no column
-- (s['n'].x, arr[0].a) is an UnresolvedExtractValue too, named x.f; s.n.x keeps the name x.
-- By hand: a: 1, x, 10, 10, 10, 5, v1; b: 2, NULL, NULL (n is NULL), NULL, NULL, NULL (arr
-- empty: arr[0] is NULL without ANSI), NULL (no key k1); c: all NULL.
CREATE TABLE t (k STRING, s STRUCT<a: INT, Bc: STRING, n: STRUCT<x: INT>>,
                arr ARRAY<STRUCT<a: INT>>, m MAP<STRING, STRING>)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT k, s['a'], s['BC'], s['n']['x'], s.n['X'], s['n'].x, arr[0].a, m['k1'] FROM t ORDER BY k
WITH (truncate = false);

SELECT k, s.n.x FROM t WHERE s['a'] = 1;

-- struct() names a field after an UnresolvedExtractValue's string literal (CreateStruct.create):
-- s['a'] -> a, m['k1'] -> k1, s['n'].x -> x; arr[0] (no string) -> col4.  By hand for a:
-- {"a":1,"k1":"v1","x":10,"col4":{"a":5}}.
SELECT to_json(struct(s['a'], m['k1'], s['n'].x, arr[0])) AS j FROM t WHERE k = 'a'
WITH (truncate = false);
