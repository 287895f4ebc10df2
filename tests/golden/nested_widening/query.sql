-- Nested numeric widening (Spark 3.5's TypeCoercion.findTypeForComplex): ARRAY<INT> beside
-- ARRAY<BIGINT>, a STRUCT<x: INT, y: DATE> beside a STRUCT<X: BIGINT, y: TIMESTAMP>, MAP
-- values, arrays in arrays.  Comparisons cast both sides to findTightestCommonType
-- (ImplicitTypeCasts), IN, CASE, coalesce, if, nvl, UNION, array() and map() to
-- findWiderTypeForTwo (string promotion inside arrays), greatest/least to
-- findWiderTypeWithoutStringPromotionForTwo.  Implicit casts are not in column names.
-- Expected output worked out by hand.
CREATE TABLE t (id INT, a ARRAY<INT>, b ARRAY<BIGINT>, s STRUCT<x: INT, y: DATE>,
                t STRUCT<X: BIGINT, y: TIMESTAMP>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT id, array(1, 2) = array(1L), a = b, a < b, a <=> b, a IN (b, array(5.0D)),
       s = t, s < t, greatest(a, b), least(a, b, array(-2Y))
FROM t;
SELECT id, CASE WHEN id = 1 THEN a ELSE b END AS c, coalesce(a, array(1.5D)) AS co,
       if(id > 1, a, array('x')) AS i, nvl(m, map('z', 2L)) AS n, array(a, b) AS arr,
       map('p', a, 'q', b)['p'] AS mp, coalesce(s, t).y AS sty, coalesce(s, t).X AS stx
FROM t;
SELECT typeof(CASE WHEN id = 1 THEN a ELSE b END) AS c, typeof(if(id > 1, a, array('x'))) AS i,
       typeof(nvl(m, map('z', 2L))) AS n, typeof(greatest(array(1Y), array(2S))) AS g,
       array(array(1)) = array(array(1L)) AS deep,
       named_struct('k', 1, 'v', array(2)) = named_struct('k', 1L, 'v', array(2L)) AS sv
FROM t WHERE id = 1;
SELECT typeof(coalesce(s, t)) AS st, typeof(array(array(1), array(2.5))) AS aa,
       array(array(1), array(2.5)) AS aav, typeof(map('k', a, 'l', array('x'))) AS ma,
       coalesce(s, t) AS stv
FROM t WHERE id = 1 WITH (truncate = false);
SELECT id, a AS u FROM t WHERE id < 3 UNION ALL SELECT id, b FROM t WHERE id = 3;
SELECT id, CAST(a AS ARRAY<STRING>) AS sa, CAST(s AS STRUCT<p: STRING, q: TIMESTAMP>).q AS sq,
       CAST(s AS STRUCT<p: STRING, q: TIMESTAMP>).p AS sp, CAST(b AS ARRAY<TINYINT>) AS tb,
       CAST(array(300, -129) AS ARRAY<TINYINT>) AS wrap, typeof(CAST(s AS STRUCT<p: STRING, q: TIMESTAMP>)) AS st
FROM t WITH (truncate = false);
