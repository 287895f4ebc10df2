-- Expected, by hand (PERMISSIVE; spark.sql.json.enablePartialResults true, Spark 3.5's
-- default): JacksonParser.convertObject updates a field when its converter returns, or with
-- the partial row/array a PartialResultException carries; any other failure is caught and
-- leaves the field as an earlier key of the same name set it.
--   1: x 1, then "s" fails: {1, NULL}, corrupt;  2: "s" fails, then 2: {2, NULL}, corrupt;
--   3: null is a value: x NULL, not corrupt;  4: a {1}, then "s" fails at the root: kept;
--   5: the second a is partial ({"x": "s"}: x NULL) and replaces the first;
--   6: the first element partial ({1}, convertArray keeps partial elements);
--   7: b {1}, then "s" fails inside a: kept;  8: [1]'s element is no struct: convertArray
--      does not catch it, the root does: the first arr kept;
--   9: the second b is partial ({"y": [2]}: y NULL) and replaces {1};
--  10: good values repeated: the last wins, not corrupt.
-- from_json of the same objects (the t column) gives the same fields.
CREATE TABLE j (id INT, a STRUCT<x: INT, b: STRUCT<y: INT>>, arr ARRAY<STRUCT<x: INT>>, t STRING,
                _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT id, a, arr, _corrupt_record IS NOT NULL AS corrupt FROM j ORDER BY id
  WITH (truncate = false);
SELECT id, from_json(t, 'a STRUCT<x: INT, b: STRUCT<y: INT>>, arr ARRAY<STRUCT<x: INT>>') AS f
  FROM j ORDER BY id WITH (truncate = false);
