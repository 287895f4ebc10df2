-- A key of nine BIGINTs: more cache words (nine, and a word of NULL flags) than a slot of the
-- group cache holds (cg_group.c, cache_key), so its groups are found through the last key
-- (group_last).  The rows: (1..8, 9) twice, (1..8, 10) twice, (1..8, NULL) and (1..8, 0) once.
CREATE SOURCE e (a BIGINT, b BIGINT, c BIGINT, d BIGINT, e BIGINT, f BIGINT, g BIGINT, h BIGINT, i BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT a, b, c, d, e, f, g, h, i, count(*) AS n FROM e GROUP BY a, b, c, d, e, f, g, h, i
ORDER BY i WITH (outputMode = 'complete');
