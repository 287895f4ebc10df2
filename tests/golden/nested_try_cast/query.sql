-- try_cast of ARRAY and STRUCT values (Cast in EvalMode.TRY: canTryCast of two ArrayTypes or
-- StructTypes is canCast's).  The outer types are nested, so the elements are cast with
-- ANSI's rules (Cast.ansiEnabled; canUseLegacyCastForTryCast looks at the outer types only):
-- an element cast that would throw makes the whole value NULL, a NULL element stays NULL.
CREATE SOURCE e (id INT, a ARRAY<STRING>, s STRUCT<x: STRING, y: DOUBLE>,
  aa ARRAY<ARRAY<STRING>>, `as` ARRAY<STRUCT<x: STRING>>, sl STRUCT<x: STRING, l: ARRAY<STRING>>)
WITH (connector = 'files', path = 'data/e', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, try_cast(a AS ARRAY<INT>) AS ai, CAST(a AS ARRAY<INT>) AS ci,
       try_cast(a AS ARRAY<DOUBLE>) AS ad, try_cast(a AS ARRAY<BIGINT>) AS ab
FROM e WITH (name = 'arrays');
INSERT INTO o
SELECT id, try_cast(s AS STRUCT<x: INT, y: INT>) AS si, CAST(s AS STRUCT<x: INT, y: INT>) AS ci,
       try_cast(s AS STRUCT<p: STRING, q: DECIMAL(3, 1)>) AS sd
FROM e WITH (name = 'structs');
INSERT INTO o
SELECT id, try_cast(aa AS ARRAY<ARRAY<INT>>) AS aai, try_cast(`as` AS ARRAY<STRUCT<x: INT>>) AS asi,
       try_cast(sl AS STRUCT<x: INT, l: ARRAY<INT>>) AS sli
FROM e WITH (name = 'nested');
-- To DECIMAL: an overflow throws (NULL array), a NaN or an infinity is a NULL element.
INSERT INTO o
SELECT id, try_cast(array(CAST(id AS DOUBLE) * 20.25D) AS ARRAY<DECIMAL(3, 1)>) AS ov,
       try_cast(array(CAST('NaN' AS DOUBLE), 1.25D) AS ARRAY<DECIMAL(3, 1)>) AS nan,
       try_cast(named_struct('i', CAST(id AS BIGINT) * 1000000000) AS STRUCT<i: INT>) AS big
FROM e WHERE id < 6 WITH (name = 'numbers');
