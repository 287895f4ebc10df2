-- session_window with a gap of months: SessionWindowing ends each row's session at
-- PreciseTimestampConversion(t + gap), TimeAdd of the CalendarInterval
-- (DateTimeUtils.timestampAddInterval in the session zone, UTC: plusMonths, the day clamped to
-- the month's length, then plusDays, then the µs), and merges a key's sessions sorted by start
-- while the next starts at or before the current end (MergingSessionsIterator).
-- By hand, '1 month':
--   a 2024-01-31 10:00 -> end 2024-02-29 10:00 (leap February, clamped); 2024-02-29 10:00
--     starts at that end: merged, end 2024-03-29 10:00; 2024-03-29 10:00:01 starts after it:
--     [2024-03-29 10:00:01, 2024-04-29 10:00:01).
--   b 2023-01-31 00:00 -> [.., 2023-02-28 00:00) (clamped to 28); 2023-02-28 12:00 is after it:
--     [2023-02-28 12:00, 2023-03-28 12:00).
--   c 2024-12-31 23:59:59.5 -> 2025-01-31 23:59:59.5 (into the next year); NULL time: no row.
--   d 2024-01-30 08:00 -> 2024-02-29 08:00.
--   e 2024-01-01 -> 02-01, 2024-01-31 -> 02-29, 2024-02-01 -> 03-01, 2024-03-01 -> 04-01:
--     by start, 01-31 <= 02-01: merged, end 02-29; 02-01 <= 02-29: merged, end 03-01;
--     03-01 <= 03-01: merged, end 04-01: one session of 4 rows.
-- '1 month 2 days': the months first, d 2024-01-30 08:00 + 1 month = 2024-02-29 (clamped)
--   + 2 days = 2024-03-02 08:00 (days first would give 2024-03-01).
-- '1 month -30 days': e 2024-01-01 -> 02-01 - 30 days = 01-02: [01-01, 01-02);
--   2024-01-31 -> 02-29 - 30 = 01-30, 2024-02-01 -> 03-01 - 30 = 01-31: ends before they
--   start, filtered (session.end > session.start); 2024-03-01 -> 04-01 - 30 = 03-02.
-- '-1 month' ends before every start: no row.  '1 year': a 2024-02-29 10:00 -> 2025-02-28
--   10:00 (clamped), so the three rows of a merge into [2024-01-31 10:00, 2025-03-29 10:00:01).
CREATE TABLE tb (u STRING, t TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT u, session_window.start, session_window.end, count(*) AS n FROM tb
GROUP BY u, session_window(t, '1 month') ORDER BY u, start WITH (truncate = false);

SELECT u, session_window(t, '1 month 2 days') AS s FROM tb WHERE u = 'd' WITH (truncate = false);

SELECT u, session_window.start, session_window.end, count(*) AS n FROM tb WHERE u = 'e'
GROUP BY u, session_window(t, '1 month -30 days') ORDER BY start WITH (truncate = false);

SELECT u, count(*) AS n FROM tb GROUP BY u, session_window(t, '-1 month');

SELECT u, session_window.start, session_window.end, count(*) AS n FROM tb WHERE u = 'a'
GROUP BY u, session_window(t, '1 year') WITH (truncate = false);

-- A per-row gap in a projection (SessionWindowing's Project): a's rows each end a month later,
-- b's 'nope' is no interval (NULL end): no row.  Over a TIMESTAMP_NTZ the same arithmetic
-- (timestampNTZAddInterval): c 2024-12-31 23:59:59.5 -> 2025-01-31 23:59:59.5.
SELECT u, session_window(t, CASE WHEN u = 'a' THEN '1 month' WHEN u = 'b' THEN 'nope' END) AS s
FROM tb WHERE u IN ('a', 'b') ORDER BY s.start WITH (truncate = false);

SELECT u, session_window(CAST(t AS TIMESTAMP_NTZ), '1 month').end AS e FROM tb WHERE u = 'c'
WITH (truncate = false);
