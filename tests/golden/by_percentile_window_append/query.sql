-- max_by/min_by and median/percentile per 10-minute window in append mode (5-minute
-- watermark): each window is printed once, when the watermark passes its end.
-- [12:00,12:10) sees, in order of arrival: ann 12.5 (12:01, home), bob -0.0 (12:02, cart),
-- ann 0.0 (12:04, home), NULL NULL (12:07, pay), dan NaN (12:09, cart), gus 1.0 (12:03, home):
--   max_by(user, ms) = dan (NaN is the largest double); min_by(user, ms) = ann (-0.0 = 0.0, the
--   later row wins the tie); min_by(page, time) = home (12:01), max_by(page, time) = cart
--   (12:09); median(ms) of -0.0 0.0 1.0 12.5 NaN: position 2, 1.0; percentile(ms, 0.75):
--   position 3, 12.5; max_by(ms, user) = 1.0 (gus), min_by(ms, user) = 0.0 (ann's 12:01
--   and 12:04 tie; the later row wins).
-- [12:10,12:20): cid 3.0 (12:12, home), ann 7.25 (12:14, NULL page), eve 3.0 (12:18, home),
-- ann NaN (12:19, pay): max_by(user, ms) = ann, min_by(user, ms) = eve (tie with cid, later);
--   min_by(page, time) = home, max_by(page, time) = pay; median of 3.0 3.0 7.25 NaN: position
--   1.5, 0.5 * 3.0 + 0.5 * 7.25 = 5.125; percentile 0.75: position 2.25 between 7.25 and NaN,
--   NaN; max_by(ms, user) = 3.0 (eve), min_by(ms, user) = NaN (ann: 12:14 and 12:19 tie, the
--   later wins).
-- [12:30,12:40) stays open.
CREATE SOURCE clicks (
    time TIMESTAMP, user STRING, page STRING, ms DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '5 minutes'
) WITH (connector = 'files', path = 'data/clicks', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT window.start AS start, max_by(user, ms) AS mu, min_by(user, ms) AS nu,
       min_by(page, time) AS first_page, max_by(page, time) AS last_page, median(ms),
       percentile(ms, 0.75) AS p75, max_by(ms, user) AS mbu, min_by(ms, user) AS nbu
FROM clicks GROUP BY window(time, '10 minutes')
WITH (name = 'windows', outputMode = 'append');

-- Sessions of 5 minutes per user; ann's [12:14, 12:24) merges 12:14 (batch 1) with 12:19
-- (batch 2): max_by(ms, time) = NaN (12:19), min_by(ms, time) = 7.25; her [12:01, 12:09)
-- holds 12:01 (12.5) and 12:04 (0.0): max_by 0.0, min_by 12.5; the NULL user's session
-- has a NULL ms (taken: its time is not NULL), bob's -0.0, dan's NaN.
INSERT INTO console
SELECT session_window.start AS start, user, max_by(ms, time) AS latest, min_by(ms, time) AS earliest
FROM clicks GROUP BY session_window(time, '5 minutes'), user
WITH (name = 'sessions', outputMode = 'append');

-- max_by, median and mode per window in update mode (the same windows, updated ones printed
-- each batch, evicted once the watermark passes their end):
-- batch 0 (late threshold none): [12:00,12:10) ann 12.5 home, bob -0.0 cart, ann 0.0 home,
--   NULL NULL pay: mu ann, med of 13.5 1.0 1.0 = 1.0, mp home, c 4; [12:10,12:20) cid 3.0
--   home: cid, 4.0, home, 1.
-- batch 1 (late rows: window end <= 12:07): [12:00,12:10) + dan NaN cart: mu dan (NaN the
--   largest), med of 1 1 13.5 NaN at 1.5 = 7.25, mp home and cart twice each: home (slot 6 of
--   OpenHashMap before cart's 62), c 5; [12:10,12:20) + ann 7.25 NULL, eve 3.0 home: ann, med of
--   4 4 8.25 = 4.0, home, 3.
-- batch 2 (late: end <= 12:07, so 11:58 is dropped; then [12:00,12:10) evicted at 12:13):
--   [12:00,12:10) + gus 1.0 home: dan, med of 1 1 2 13.5 NaN = 2.0, home, 6; [12:10,12:20) +
--   ann NaN pay: ann, med of 4 4 8.25 NaN at 1.5 = 6.125, home, 4; [12:30,12:40) fay 2.0 home:
--   fay, 3.0, home, 1.
-- batch 3 (no data, watermark 12:26): nothing updated.
-- median(ms + 1): -0.0 + 1 and 0.0 + 1 are the same 1.0 (the medians of ms would hold -0.0 and
-- 0.0 at one rank, ordered by the slots of Spark's map).
INSERT INTO console
SELECT window.start AS start, max_by(user, ms) AS mu, median(ms + 1) AS med, mode(page) AS mp,
       count(*) AS c
FROM clicks GROUP BY window(time, '10 minutes')
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk');
