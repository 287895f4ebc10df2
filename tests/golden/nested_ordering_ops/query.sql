-- STRUCT and ARRAY values ordered by Spark's interpretedOrdering (StructType/ArrayType, through
-- InterpretedOrdering.forSchema: each field and element Ascending, so NULLS FIRST): a struct
-- field by field, an array element by element and then the shorter first, doubles by
-- SQLOrderingUtil.compareDoubles (NaN largest, NaN = NaN, -0.0 = 0.0).  <, <=, >, >=, =, <=>
-- and IN of structs holding arrays and of arrays; greatest/least; sort_array (NULLs first
-- ascending, last descending), array_sort (NULLs last), array_max/array_min of arrays of
-- structs.  Expected output computed by model.py.
CREATE SOURCE t (id INT, a STRUCT<x: INT, l: ARRAY<DOUBLE>>, b STRUCT<x: INT, l: ARRAY<DOUBLE>>,
                 p ARRAY<INT>, q ARRAY<INT>, xs ARRAY<STRUCT<x: INT, y: DOUBLE>>)
  WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge, a = b AS eq, a <=> b AS nseq,
       greatest(a, b) AS hi, least(b, a) AS lo,
       p < q AS plt, p = q AS peq, p <=> q AS pnseq, p IN (q, array(1, 2)) AS pin,
       greatest(p, q, array(2)) AS phi
FROM t WITH (name = 'ops');

INSERT INTO out
SELECT id, sort_array(xs) AS asc, sort_array(xs, false) AS desc, array_sort(xs) AS sorted,
       array_max(xs) AS mx, array_min(xs) AS mn
FROM t WITH (name = 'sorts');
