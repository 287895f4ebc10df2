-- Grouping on two STRING keys whose values differ only in their last byte, at 8 and 9 bytes
-- (the compare of up to 8 string bytes as one word, and memcmp past that), empty against NULL,
-- 39 and 40 bytes, multi-byte UTF-8.  tests/tools/check_group_string_keys.py recomputes it.
CREATE SOURCE e (s STRING, t STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10000, truncate = false);
INSERT INTO out SELECT s, t, count(*) AS c FROM e GROUP BY s, t ORDER BY s, t WITH (outputMode = 'complete');
