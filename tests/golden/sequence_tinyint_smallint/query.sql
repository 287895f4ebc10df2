-- sequence of TINYINT and SMALLINT (Spark's Sequence over IntegralType): start, stop and step
-- cast to their wider common type (TypeCoercion's Sequence rule), so two TINYINTs give an
-- ARRAY<TINYINT>, a TINYINT beside an INT step an ARRAY<INT>; without a step 1 or -1 by the
-- direction.  Elements lie between start and stop, so the ends of the ranges are reached
-- without wrapping.
CREATE SOURCE js (k STRING, t TINYINT, u TINYINT, s SMALLINT, w SMALLINT)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, sequence(t, u) AS tu, sequence(s, w) AS sw, sequence(greatest(t, u), least(t, u), -3Y) AS d3,
       sequence(t, u, CAST(NULL AS TINYINT)) AS tn, typeof(sequence(t, u)) AS ty1,
       typeof(sequence(t, w)) AS ty2, typeof(sequence(t, u, 2)) AS ty3,
       typeof(sequence(1Y, 3Y, 1L)) AS ty4
FROM js WITH (name = 'sequences');
INSERT INTO out
SELECT size(sequence(-128Y, 127Y)) AS n8, sequence(-128Y, 127Y)[255] AS last8,
       size(sequence(32767S, -32768S)) AS n16, sequence(32767S, -32768S, -1S)[65535] AS last16,
       sequence(1Y, 10Y, 4Y) AS s4, sequence(1S, 5) AS si, sequence(7Y, 7Y, 0Y) AS s0
FROM js WHERE k = 'a' WITH (name = 'ends');
