-- SELECT DISTINCT with a window over the watermarked column in append mode: each distinct
-- (window, action) once the watermark passes the window's end; the distinct actions per
-- window counted over it as a FROM subquery (two chained aggregations).
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '5 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out SELECT DISTINCT window(time, '10 seconds') AS w, action FROM events
WITH (name = 'pairs', outputMode = 'append');

INSERT INTO out
SELECT w, count(*) AS actions
FROM (SELECT DISTINCT window(time, '10 seconds') AS w, action FROM events)
GROUP BY w
WITH (name = 'per_window', outputMode = 'append');
