-- from_json over every field type the schema can hold: integers at and past their range,
-- floating point and decimals, strings with escapes, dates, timestamps, base64 BINARY, a
-- nested struct, an array of structs; values of the wrong type (partial results), malformed
-- text, non-object values, blank text, duplicate and escaped keys, text after the object;
-- `wide` has more than 16 fields (the shared per-type readers).
CREATE SOURCE lines WITH (connector = 'files', path = 'data/text', format = 'text');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT value,
       from_json(value, 'i INT, l BIGINT, d DOUBLE, f FLOAT, m DECIMAL(10,2), b BOOLEAN, s STRING, dt DATE,
                         ts TIMESTAMP, bin BINARY, n STRUCT<x: INT, y: ARRAY<STRING>>, a ARRAY<STRUCT<v: INT>>') AS r,
       from_json(value, 'i INT, s STRING').s AS s,
       from_json(value, 'a ARRAY<STRUCT<v: INT>>').a AS a,
       from_json(value, 'w1 INT, w2 INT, w3 INT, w4 INT, w5 INT, w6 INT, w7 INT, w8 INT, i INT, l BIGINT, d DOUBLE,
                         f FLOAT, m DECIMAL(10,2), b BOOLEAN, s STRING, dt DATE, ts TIMESTAMP') AS wide
FROM lines;
