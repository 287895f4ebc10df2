-- session_window(t, g) with the gap a STRING column: SessionWindowing casts it per row to a
-- CalendarInterval (IntervalUtils.safeStringToInterval: NULL when it is no interval) and ends
-- the row's session at TimeAdd(t, gap); a NULL end, or one not after t, filters the row
-- (session.end > session.start).  The partial aggregate groups by the key and the whole session
-- struct, and SessionWindowStateStoreRestoreExec / MergingSessionsExec take the partials sorted
-- by (start, end), the stored sessions first on a tie of starts, each merging into the session
-- before it while it starts at or before that session's end.  Append mode, watermark t - 10 days.
CREATE SOURCE events (
    u STRING,
    t TIMESTAMP,
    g STRING,
    v INT,
    WATERMARK FOR t AS t - INTERVAL '10 days'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT u, session_window(t, g) AS s, count(*) AS n, first(v) AS f, last(v) AS l, sum(v) AS sv,
       avg(CAST(v AS DOUBLE)) AS av
FROM events
GROUP BY u, session_window(t, g)
WITH (name = 'gaps', outputMode = 'append', checkpointLocation = 'chk');
