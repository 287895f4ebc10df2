-- 9223372036854775 ms is 9223372036854775000 us <= Long.MAX_VALUE (9223372036854775807):
-- Long.MAX_VALUE us is +294247-01-10 04:00:54.775807, so 807 us before it is ...54.775 and
-- 9223372036854 s (775807 us before it) ...54; Long.MIN_VALUE us is -290308-12-21
-- 19:59:05.224192, so -9223372036854775 ms (808 us after it) is ...05.225 and
-- -9223372036854 s (775808 us after it) ...06; 9223372036854776 ms overflows.
CREATE SOURCE s (ms BIGINT, s BIGINT) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT ms, timestamp_millis(ms) AS tm, timestamp_seconds(s) AS ts FROM s;
