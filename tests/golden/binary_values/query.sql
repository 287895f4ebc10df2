CREATE SOURCE events (k STRING, s STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = 'false');
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO console
SELECT k, CAST(s AS BINARY) AS b, CAST(CAST(s AS BINARY) AS STRING) AS back, CAST(n AS BINARY) AS nb,
       CAST(CAST(n AS BIGINT) AS BINARY) AS lb, length(CAST(s AS BINARY)) AS bytes, length(s) AS chars,
       CAST(s AS BINARY) = CAST('AB' AS BINARY) AS eq, CAST(s AS BINARY) < CAST('B' AS BINARY) AS lt,
       CAST(s AS BINARY) > CAST(n AS BINARY) AS gt_int, upper(CAST(s AS BINARY)) AS up
FROM events WITH (name = 'casts');
INSERT INTO console
SELECT CAST(s AS BINARY) AS b, count(*) AS c, min(CAST(n AS BINARY)) AS mn, max(CAST(n AS BINARY)) AS mx
FROM events GROUP BY CAST(s AS BINARY)
WITH (name = 'groups', outputMode = 'complete');
INSERT INTO files
SELECT k, CAST(s AS BINARY) AS b, CAST(n AS BINARY) AS nb FROM events WITH (name = 'json_out', checkpointLocation = 'ck');
