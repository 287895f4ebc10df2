-- Structs are ordered field by field, as Spark's StructType.interpretedOrdering
-- (InterpretedOrdering.forSchema: each field Ascending, NULLS FIRST) and codegen's genComp:
-- the first field that differs decides, a NULL field orders before any value, two NULL fields
-- are equal, doubles compare by compareDoubles (NaN largest, NaN = NaN, -0.0 = 0.0); a NULL
-- struct makes < <= > >= NULL, least/greatest skip it.  ORDER BY puts a NULL struct first
-- (ASC) or last (DESC), and DESC reverses the whole struct order (NULL fields last).  A struct
-- field is compared the same way, inside (the last query).
-- Expected output recomputed by tests/tools/check_struct_ordering.py.
CREATE TABLE tb (id INT, a STRUCT<x: INT, y: DOUBLE>, b STRUCT<x: INT, y: DOUBLE>)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT id, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge, a = b AS eq,
       least(a, b) AS lo, greatest(a, b) AS hi FROM tb ORDER BY id;
SELECT id, a FROM tb ORDER BY a, id;
SELECT id, a FROM tb ORDER BY a DESC, id;
SELECT id, b FROM tb WHERE b > a OR a IS NULL ORDER BY b DESC NULLS FIRST, id;
CREATE TABLE tn (id INT, a STRUCT<p: STRUCT<x: INT>, q: INT>, b STRUCT<p: STRUCT<x: INT>, q: INT>)
  WITH (connector = 'files', path = 'data/nested', format = 'json');
SELECT id, a < b AS lt, a = b AS eq, greatest(a, b) AS hi FROM tn ORDER BY id;
