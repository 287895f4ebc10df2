-- The events among the stream's first four with n > 1: the LIMIT is below the WHERE, so it is
-- a streaming global limit at the end of the subquery's block, asked per record; the filter
-- is not pushed below it (no rule pushes a Filter through a Limit), and the event time of
-- every row read counts, EventTimeWatermarkExec being below the limit.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    n INT,
    WATERMARK FOR time AS time - INTERVAL '1 minute'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT action, n
FROM (SELECT action, n, time FROM events LIMIT 4)
WHERE n > 1
WITH (name = 'early_big', checkpointLocation = 'chk');
