-- from_json with an ARRAY schema (Spark's JsonToStructs over JacksonParser's root converter of
-- an ArrayType): a JSON array of the element type, an element of another type NULL with the
-- rest kept where Spark keeps a partial result (a struct with a bad field; a whole bad
-- element makes the value NULL); for an array of structs a lone JSON object too, read as an
-- array of that one struct (SPARK-19595); malformed text, null, a scalar, blank text give
-- NULL, and text after the first value is never read.  Then explode, the usual Kafka use.
CREATE SOURCE s (value STRING)
  WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT value, from_json(value, 'ARRAY<STRUCT<a: INT, b: STRING>>') AS arr,
       from_json(value, 'array<int>') AS ints, from_json(value, 'array<array<int>>') AS nested
FROM s WITH (name = 'parsed');
INSERT INTO o
SELECT e.a, e.b
FROM (SELECT explode(from_json(value, 'ARRAY<STRUCT<a: INT, b: STRING>>')) AS e FROM s)
WITH (name = 'exploded');
