-- The group cache with one STRING key (cg_group.c, string_words): strings of 0 to 40 bytes, up
-- to 32 cached as words of their bytes (3 bytes, two overlapping 4-byte halves, first and last
-- words, and the middle two), and for each length up to 34 the strings that differ from one
-- another in one byte, at every position; NULL and the empty string; 1 to 3 rows a key in
-- shuffled order.  tests/tools/check_group_string_keys.py recomputes it.
CREATE SOURCE e (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10000, truncate = false);
INSERT INTO out SELECT s, count(*) AS c FROM e GROUP BY s ORDER BY s WITH (outputMode = 'complete');
