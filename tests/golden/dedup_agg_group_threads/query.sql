-- DROP DUPLICATES (v) before GROUP BY k in complete mode, on one thread (golden.*) and split
-- into tasks (golden_split.*: a task a line; golden_split_lines.*: a few lines): a task logs
-- its updates and the fold makes those of the keys new to the query, in input order, so a
-- duplicate's value is never added (1e16 in b), a DOUBLE sum adds in input order (another
-- order gives other doubles: 1e16 + 1.0 - 1e16 + 1.0), collect_list keeps that order, and a
-- group whose every row is a duplicate (d in the first batch) is never made.  Groups come out
-- in the order of their first kept row.  Restarted from the checkpoint with both states.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false, numRows = 100000);

INSERT INTO out
SELECT k, count(*) AS count, sum(d) AS sum_d, avg(d) AS avg_d, collect_list(v) AS collect_v
FROM events
DROP DUPLICATES (v)
GROUP BY k
WITH (name = 'q', outputMode = 'complete', checkpointLocation = 'chk');
