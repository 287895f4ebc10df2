-- DROP DUPLICATES (v) before a session window aggregation (gap 5 seconds) in append mode, on
-- one thread and split into tasks: a task logs each row it keeps (keys, arguments, time and
-- partition), the fold cuts the rows of values seen before and makes the rest on the query's
-- thread in input order, so each point's DOUBLE sum and average add the rows in arrival
-- order (1e16 + 1.0 + ... stays 1e16 that way, a task's partial 2.0 would not), a late row
-- is dropped by the deduplication, and a session grows across files and tasks.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '5 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);

INSERT INTO out
SELECT k, session_window(time, '5 seconds') AS w, count(*) AS count, sum(d) AS sum_d,
       avg(d) AS avg_d, max(v) AS max_v, collect_list(v) AS collect_v
FROM events
DROP DUPLICATES (v)
GROUP BY k, session_window(time, '5 seconds')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
