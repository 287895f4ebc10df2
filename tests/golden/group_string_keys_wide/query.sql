-- The group cache with five numbers and a STRING in the key (cg_group.c, group_cached): the
-- numbers leave room for two words of string bytes, so strings of up to 16 bytes are cached
-- and longer ones compared with the last long key.
-- tests/tools/check_group_string_keys.py recomputes it.
CREATE SOURCE e (a BIGINT, b BIGINT, k BIGINT, d BIGINT, e BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10000, truncate = false);
INSERT INTO out SELECT a, b, k, d, e, s, count(*) AS c FROM e GROUP BY a, b, k, d, e, s
ORDER BY a, b, k, d, e, s WITH (outputMode = 'complete');
