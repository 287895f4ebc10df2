-- sequence(start, stop, step) of DATEs or TIMESTAMPs with a year-month interval step: Spark's
-- PeriodSequenceImpl (InternalSequenceBase, collectionOperations.scala): element i is start
-- plus i * step months (timestampAddInterval: plusMonths, the day clamped to the month's
-- length, always from start), while it is <= stop (>= stop for a negative step); a DATE start
-- and a TIMESTAMP stop are both cast to TIMESTAMP (TypeCoercion's Sequence rule).  By hand:
--   2024-01-31 by 1 month to 2024-06-30: 01-31, 02-29, 03-31, 04-30, 05-31, 06-30
--   2024-01-01 by 0-6 to 2025-01-01: 2024-01-01, 2024-07-01, 2025-01-01
--   2024-03-15 by -1 month to 2023-12-01: 03-15, 02-15, 01-15, 2023-12-15
--   2024-01-31 10:30 by 1 month to 2024-04-30 10:30: 01-31, 02-29, 03-31, 04-30 (10:30 each)
--   DATE 2024-01-01 to TIMESTAMP 2024-03-01 by 1 month: 01-01, 02-01, 03-01 at midnight
--   a NULL step: NULL
CREATE TABLE t (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT sequence(DATE '2024-01-31', DATE '2024-06-30', INTERVAL '1' MONTH) AS s FROM t
WITH (truncate = false);
SELECT sequence(DATE '2024-01-01', DATE '2025-01-01', INTERVAL '0-6' YEAR TO MONTH) AS s FROM t
WITH (truncate = false);
SELECT sequence(DATE '2024-03-15', DATE '2023-12-01', INTERVAL '-1' MONTH) AS s FROM t
WITH (truncate = false);
SELECT sequence(TIMESTAMP '2024-01-31 10:30:00', TIMESTAMP '2024-04-30 10:30:00',
                INTERVAL '1' MONTH) AS s FROM t
WITH (truncate = false);
SELECT sequence(DATE '2024-01-01', TIMESTAMP '2024-03-01 00:00:00', INTERVAL '1' MONTH) AS s
FROM t WITH (truncate = false);
SELECT sequence(DATE '2024-01-01', DATE '2024-03-01', CAST(NULL AS INTERVAL MONTH)) AS s FROM t;
