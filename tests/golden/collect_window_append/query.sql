-- collect_list and collect_set per 10-minute window in append mode with a 5-minute watermark:
-- a window is printed (and written as JSON) once, when the watermark passes its end, then
-- evicted; a row at or before the watermark is dropped as late.
CREATE SOURCE clicks (
    time TIMESTAMP, user STRING, page STRING, ms DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '5 minutes'
) WITH (connector = 'files', path = 'data/clicks', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK console WITH (connector = 'console', truncate = false);
CREATE SINK files WITH (connector = 'files', path = 'out', format = 'json');

INSERT INTO console
SELECT window.start AS start, collect_list(user) AS users, collect_set(user) AS distinct_users,
       collect_set(page) AS pages, collect_list(ms) AS ms, collect_set(ms) AS distinct_ms,
       size(collect_set(user)) AS n_users
FROM clicks GROUP BY window(time, '10 minutes')
WITH (name = 'console', outputMode = 'append');

INSERT INTO files
SELECT window, collect_list(user) AS users, collect_set(ms) AS distinct_ms
FROM clicks GROUP BY window(time, '10 minutes')
WITH (name = 'files', outputMode = 'append', checkpointLocation = 'chk');
