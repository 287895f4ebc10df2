-- max_by, median and mode per 10-minute window in update mode (5-minute watermark).
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
-- median(ms + 1): -0.0 + 1 and 0.0 + 1 are the same 1.0 (Spark keeps -0.0 and 0.0 apart in its
-- map; which comes first at an equal rank is its map's order).
CREATE SOURCE clicks (
    time TIMESTAMP, user STRING, page STRING, ms DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '5 minutes'
) WITH (connector = 'files', path = 'data/clicks', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT window.start AS start, max_by(user, ms) AS mu, median(ms + 1) AS med, mode(page) AS mp,
       count(*) AS c
FROM clicks GROUP BY window(time, '10 minutes')
WITH (name = 'windows', outputMode = 'update', checkpointLocation = 'chk');
