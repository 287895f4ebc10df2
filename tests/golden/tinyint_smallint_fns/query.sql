-- TINYINT and SMALLINT through pmod, try_add/try_subtract/try_multiply, format_string,
-- from_json/to_json and the JSON files sink.
CREATE SOURCE js (k STRING, t TINYINT, s SMALLINT, j STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out
SELECT k, pmod(t, 3Y) AS p1, pmod(t, -3Y) AS p2, pmod(s, 7S) AS p3, pmod(t, s) AS p4,
       pmod(t, -1Y) AS p5, pmod(t, 0Y) AS p0, pmod(t, 5) AS pi, typeof(pmod(t, 3Y)) AS ty1,
       typeof(pmod(t, s)) AS ty2, typeof(pmod(t, 5)) AS ty3
FROM js WITH (name = 'pmod');
INSERT INTO out
SELECT k, try_add(t, t) AS a1, try_subtract(t, 1Y) AS s1, try_multiply(t, t) AS m1,
       try_add(s, s) AS a2, try_subtract(-1S, s) AS s2, try_multiply(s, s) AS m2,
       try_add(t, s) AS a3, try_multiply(t, 2) AS m3, typeof(try_add(t, t)) AS ty1,
       typeof(try_multiply(t, s)) AS ty2, typeof(try_multiply(t, 2)) AS ty3
FROM js WITH (name = 'try');
INSERT INTO out
SELECT k, format_string('%d|%x|%X|%o|%5d|%-5d|%+d|%05d|%s', t, t, t, t, t, t, t, t, t) AS ft,
       format_string('%d|%x|%o|%,d|%7x', s, s, s, s, s) AS fs
FROM js WITH (name = 'format');
INSERT INTO out
SELECT k, from_json(j, 'x TINYINT, y SMALLINT') AS fj, from_json(j, 'x BYTE, y SHORT').x AS x,
       typeof(from_json(j, 'x BYTE, y SHORT')) AS ty, to_json(named_struct('t', t, 's', s)) AS tj,
       to_json(array(t, s)) AS ta
FROM js WITH (name = 'json');
INSERT INTO files
SELECT k, t, s, array(t, s) AS a, named_struct('t', t) AS st, map(k, s) AS m FROM js
WITH (name = 'files', checkpointLocation = 'chk');
