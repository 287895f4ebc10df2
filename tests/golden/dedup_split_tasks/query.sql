-- DROP DUPLICATES (id) with a watermark, whose kept rows are then exploded and filtered: a
-- key's first row may make no row (all its tags 'x') or several, and its later duplicates
-- still go.  Split into tasks of a line (golden_split), the duplicates of a key sit in other
-- tasks than its first row, late rows in the middle of a batch; restarted from the checkpoint.
CREATE SOURCE events (
    id BIGINT,
    time TIMESTAMP,
    tags STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, time, tag
FROM (SELECT id, time, explode(split(tags, ',')) AS tag
      FROM (SELECT id, time, tags FROM events DROP DUPLICATES (id)) AS d) AS e
WHERE tag <> 'x'
WITH (name = 'dedup_split', checkpointLocation = 'chk');
