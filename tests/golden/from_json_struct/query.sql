CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO console
SELECT k, from_json(j, 'a INT, b STRING, n STRUCT<c: ARRAY<INT>>'), from_json(j, 'STRUCT<a: BIGINT>').a AS a,
       from_json(j, 'a INT, b STRING') IS NULL AS is_null
FROM events WITH (name = 'parsed');
INSERT INTO files
SELECT k, from_json(j, 'b STRING, n STRUCT<c: ARRAY<INT>>') AS s FROM events WITH (name = 'json_out', checkpointLocation = 'ck');
