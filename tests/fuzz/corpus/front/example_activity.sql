-- The Heterogeneity Human Activity Recognition readings of seed 003, as four queries of
-- one executable (Spark's spark.streams.active).  The schema is not written down: the
-- compiler infers it from the files present at build time (Arrival_Time, Creation_Time,
-- Device, Index, Model, User, gt, x, y, z).
CREATE SOURCE activity WITH (connector = 'files', path = 'examples/data/activity',
                             format = 'json', inferSchema = true, maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);

-- How many readings per activity so far, the whole table every batch.
INSERT INTO console
SELECT gt, count(*) AS count
FROM activity
GROUP BY gt
ORDER BY count DESC, gt
WITH (name = 'activity_counts', outputMode = 'complete');

-- The readings taken on stairs, as they arrive.
INSERT INTO console
SELECT gt, model, arrival_time, creation_time
FROM activity
WHERE gt LIKE '%stairs%' AND gt IS NOT NULL
WITH (name = 'simple_transform', outputMode = 'append');

-- Per device, the mean acceleration so far, on a 5-second processing-time trigger.
INSERT INTO console
SELECT device, round(avg(x), 4) AS avg_x, round(avg(y), 4) AS avg_y, round(avg(z), 4) AS avg_z
FROM activity
GROUP BY device
ORDER BY device
WITH (name = 'device_means', outputMode = 'complete', trigger = '5 seconds');

-- Readings per user, once: everything available now in one batch, then stop.
INSERT INTO console
SELECT user, count(*) AS readings
FROM activity
GROUP BY user
ORDER BY user
WITH (name = 'user_counts', outputMode = 'complete', trigger = 'once');
