-- DROP DUPLICATES WITHIN WATERMARK (k) before a global aggregation in update mode, on one
-- thread and split into tasks: the tasks log their updates, the fold makes those of the keys
-- new to the query in input order (a DOUBLE sum of 1e16, 1.0, -1e16, 1.0 gives 1.0 in that
-- order only; collect_list keeps it); late rows are dropped by the deduplication (numRowsDropped-
-- ByWatermark of dedupeWithinWatermark), a key is admitted again once the watermark passed its
-- first time plus the delay, and the global row comes out every batch, no-data ones too.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);

INSERT INTO out
SELECT count(*) AS count, sum(d) AS sum_d, collect_list(v) AS collect_v, avg(d) AS avg_d,
       max(time) AS max_t
FROM events
DROP DUPLICATES WITHIN WATERMARK (k)
WITH (name = 'q', outputMode = 'update', checkpointLocation = 'chk');
