-- DOUBLE sum and avg in session windows, split into tasks (golden_split.*, and tasks of a
-- few lines: golden_split_lines.*): a task logs its values with the row's point (key,
-- timestamp) and the query's thread replays them in input order into the batch's points, so
-- each point's partial sum adds its rows in arrival order, as one thread does.  Rows of one
-- point sit in several tasks; 1e16 + 1.0 + 1.0 ... stays 1e16 in that order while a task's
-- partial 2.0 or 3.0 would show, and 0.1 + 0.2 + 0.3 differs from 0.1 + (0.2 + 0.3).
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, session_window(time, '5 minutes') AS w, count(*) AS count, sum(d) AS sum_d,
       avg(d) AS avg_d, sum(v) AS sum_v, max(d) AS max_d
FROM events
GROUP BY k, session_window(time, '5 minutes')
WITH (name = 'q', outputMode = 'append', checkpointLocation = 'chk');
