-- A struct group key whose fields may be NULL: {NULL, 7}, {0, 7}, {0, NULL} and a NULL struct are
-- four groups, and each prints its NULL fields as null (a missing field is NULL too).
-- By hand from data/a.json: {0, 7} 3, {null, 7} 2 (one null, one missing), {0, null} 1,
-- null 4 (JSON null); ORDER BY c DESC.
CREATE SOURCE e (s STRUCT<a: INT, b: BIGINT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT s, count(*) AS c FROM e GROUP BY s ORDER BY c DESC WITH (outputMode = 'complete');
