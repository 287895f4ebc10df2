-- DROP DUPLICATES (v, time) before a sliding window aggregation (10 seconds every 5: a row in
-- two windows, each an update the task logs) in append mode, on one thread and split into
-- tasks: the fold makes the updates of the keys new to the query in input order (DOUBLE sums
-- of 1e16, 1.0 and -1e16 give other doubles in another order), late rows are dropped by the
-- deduplication, a key is forgotten once the watermark passes its time.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '5 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);

INSERT INTO out
SELECT k, window(time, '10 seconds', '5 seconds') AS w, count(*) AS count, sum(d) AS sum_d,
       collect_list(v) AS collect_v
FROM events
DROP DUPLICATES (v, time)
GROUP BY k, window(time, '10 seconds', '5 seconds')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
