-- Files of about 1.4 MB are mapped rather than read (srt_map.c): every line counted once,
-- across the buffer boundaries inside a mapping, with malformed lines (PERMISSIVE: a row of
-- NULLs each), in two batches.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = '2');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, count(*) AS count FROM events GROUP BY action ORDER BY action
WITH (outputMode = 'complete');
