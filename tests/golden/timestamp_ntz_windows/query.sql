-- window() and session_window() over a TIMESTAMP_NTZ (Spark 3.5's TimeWindow and SessionWindow
-- take AnyTimestampType; their struct's start and end have the time column's type, and
-- window_time's is the window's start's, WindowTime.dataType).  A TIMESTAMP_NTZ cannot carry a
-- watermark (CheckAnalysis: EventTimeWatermark takes a TimestampType), so the aggregations run
-- in update and complete mode and keep every group.  Two runs on the checkpoints.
--
-- Input (the JSON reader's parseWithoutTimeZone(s, false)): s1 a 12:02 (v 1), b 12:07:30.25
-- (2), a 12:14 (4), a NULL (8), b '...Z' (16: a zone, the field is NULL); s2 a 12:06 (32),
-- b 12:10 (64), a 11:59:59.999999 (128).  A NULL time is in no window (TimeWindowing's
-- IsNotNull filter, SessionWindowing's).
CREATE SOURCE events (user STRING, time TIMESTAMP_NTZ, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK js WITH (connector = 'files', path = 'outj', format = 'json');

-- Tumbling, update mode: the groups a batch updated, in the order they were first seen.
-- Batch 0: [12:00,12:10) a 12:02 + b 12:07:30.25: n 2, s 3; [12:10,12:20) a 12:14: n 1, s 4.
-- Batch 1: [12:00,12:10) + 12:06: n 3, s 35; [12:10,12:20) + 12:10: n 2, s 68; new
-- [11:50,12:00) 11:59:59.999999: n 1, s 128.  wt = window_time = end - 1 µs (ResolveWindowTime),
-- a TIMESTAMP_NTZ; to_json writes timestampNTZFormat's yyyy-MM-dd'T'HH:mm:ss[.SSS].
INSERT INTO out
SELECT window(time, '10 minutes') AS window, window_time(window) AS wt, to_json(window) AS j,
       count(*) AS n, sum(v) AS s
FROM events
GROUP BY window(time, '10 minutes')
WITH (name = 'tumbling', outputMode = 'update', checkpointLocation = 'chk/tumbling');

-- Sliding, 10 minutes every 5 starting at minute 1 (starts 11:51, 11:56, 12:01, ...), complete
-- mode by start.  Each time is in two windows: 12:02 in [11:56,12:06) [12:01,12:11);
-- 12:07:30.25 in [12:01,12:11) [12:06,12:16); 12:14 in [12:06,12:16) [12:11,12:21).
-- Batch 1: 12:06 and 12:10 in [12:01,12:11) [12:06,12:16); 11:59:59.999999 in [11:51,12:01)
-- [11:56,12:06).
INSERT INTO out
SELECT window(time, '10 minutes', '5 minutes', '1 minute') AS w, count(*) AS n, sum(v) AS s
FROM events
GROUP BY window(time, '10 minutes', '5 minutes', '1 minute')
ORDER BY window.start
WITH (name = 'sliding', outputMode = 'complete', checkpointLocation = 'chk/sliding');

-- Sessions with a 5-minute gap, complete mode by user and start.  Batch 0: a [12:02,12:07),
-- a [12:14,12:19), b [12:07:30.25,12:12:30.25).  Batch 1: a's 12:06 [12:06,12:11) and
-- 11:59:59.999999 [11:59:59.999999,12:04:59.999999) merge with [12:02,12:07) into
-- [11:59:59.999999,12:11) (n 3), [12:14,12:19) stays apart (12:11 < 12:14); b's 12:10
-- [12:10,12:15) merges into [12:07:30.25,12:15) (n 2).
INSERT INTO out
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n, min(time) AS first
FROM events
GROUP BY user, session_window(time, '5 minutes')
ORDER BY user, session_window.start
WITH (name = 'sessions', outputMode = 'complete', checkpointLocation = 'chk/sessions');

-- The window struct in the JSON sink (a projection: one row per window of each row with a
-- time, in input order; one file per batch): timestampNTZFormat's default.
INSERT INTO js
SELECT user, window(time, '10 minutes') AS w, window_time(window(time, '10 minutes')) AS wt
FROM events
WITH (name = 'json', checkpointLocation = 'chk/json');
