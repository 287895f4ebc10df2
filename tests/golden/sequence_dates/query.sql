-- sequence of dates and timestamps (Sequence's TemporalSequenceImpl, UTC, no months): 1 day or
-- -1 day by default; 2024 is a leap year (02-27 .. 03-02 is 5 days; by 2 days from 02-28:
-- 02-28, 03-01); 12 hours from 2024-01-01 00:00 up to 01-02 06:00 is 3 instants; least and
-- greatest skip NULLs, so a single bound gives [d].
CREATE SOURCE e (d1 DATE, d2 DATE, t1 TIMESTAMP, t2 TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT sequence(d1, d2) AS sd, sequence(least(d1, d2), greatest(d1, d2), INTERVAL 2 DAYS) AS sd2, sequence(least(t1, t2), greatest(t1, t2), INTERVAL 12 HOURS) AS st,
  sequence(t1, t2) AS st1
FROM e;
