CREATE SOURCE events (k STRING, x DOUBLE, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console');
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO console
SELECT k, NULL, NULL AS n, CASE WHEN x > 0 THEN NULL END AS c, CASE WHEN x > 0 THEN NULL ELSE s END AS cs,
       coalesce(NULL, NULL) AS cc, coalesce(NULL, s, k) AS c2, NULL = NULL AS e, x > NULL AS g,
       NULL IS NULL AS isn, NULL OR x > 0 AS o, x + NULL AS a, upper(NULL) AS u, concat(s, NULL) AS cn,
       length(NULL) AS l, CAST(NULL AS INT) AS ci, NULL IN (1, 2) AS i
FROM events WITH (name = 'columns');
INSERT INTO console
SELECT NULL AS n, count(*) AS rows, min(NULL) AS mn, max(CASE WHEN x > 0 THEN NULL END) AS mx,
       count(NULL) AS cnt, sum(NULL) AS sm, avg(NULL) AS av
FROM events GROUP BY NULL
WITH (name = 'aggregates', outputMode = 'complete');
INSERT INTO files
SELECT k, NULL AS n, CASE WHEN x > 0 THEN NULL ELSE s END AS cs, x + NULL AS a
FROM events WITH (name = 'json_out', checkpointLocation = 'ck');
