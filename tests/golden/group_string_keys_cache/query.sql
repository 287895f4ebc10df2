-- The group cache with STRING keys (cg_group.c, group_cached): two strings whose bytes fit a
-- slot (up to 16 each) or not (the last long key, compared with memcmp), 0 to 40 and 300
-- bytes (a key past the stack buffer), values that differ in their first or last byte only,
-- NULLs, runs of one key and rows alternating between a few.
-- tests/tools/check_group_string_keys.py recomputes it.
CREATE SOURCE e (s STRING, t STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10000, truncate = false);
INSERT INTO out SELECT s, t, count(*) AS c FROM e GROUP BY s, t ORDER BY s, t WITH (outputMode = 'complete');
