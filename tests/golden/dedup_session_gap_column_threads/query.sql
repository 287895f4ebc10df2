-- DROP DUPLICATES (v) before a session window whose gap is a STRING column, on one thread and
-- split into tasks (golden_split_lines): a task tests each row's own session end (TimeAdd(t,
-- g), SessionWindowing's filter session.end > session.start) and logs it with the row; the
-- query's thread makes the kept rows' updates in input order.  Watermark t - 40 days.
CREATE SOURCE events (
    u STRING,
    t TIMESTAMP,
    g STRING,
    v INT,
    WATERMARK FOR t AS t - INTERVAL '40 days'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT u, session_window(t, g) AS s, count(*) AS n, first(v) AS f, last(v) AS l, sum(v) AS sv
FROM events
DROP DUPLICATES (v)
GROUP BY u, session_window(t, g)
WITH (name = 'gaps', outputMode = 'append', checkpointLocation = 'chk');
