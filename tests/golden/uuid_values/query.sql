-- uuid() (Spark's Uuid): a random version 4 UUID per row and per call, 36 lower-case
-- characters 8-4-4-4-12 with the version digit 4 and the variant digit one of 8, 9, a, b.  The
-- values are random, so the test checks what is certain: the form, that each of two calls gives
-- 300 different values over 300 rows, and that the two calls never agree on a row.
CREATE TABLE t (k STRING, x BIGINT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE s (k STRING, x BIGINT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
SELECT count(*) AS n, count(DISTINCT u) AS distinct_u, count(DISTINCT u2) AS distinct_u2,
       sum(CASE WHEN u = u2 THEN 1 ELSE 0 END) AS same, min(length(u)) AS minlen,
       max(length(u)) AS maxlen,
       sum(CASE WHEN u RLIKE '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
           THEN 1 ELSE 0 END) AS well_formed
FROM (SELECT uuid() AS u, uuid() AS u2 FROM t);
INSERT INTO o
SELECT k, count(*) AS n,
       sum(CASE WHEN uuid() RLIKE '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
           THEN 1 ELSE 0 END) AS well_formed
FROM s GROUP BY k ORDER BY k WITH (outputMode = 'complete');
