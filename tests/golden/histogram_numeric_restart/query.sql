-- histogram_numeric's bins restored from the checkpoint: s1 reads one file (one batch), s2 and
-- s3 restart on the state files and add one batch each.  Small nb and values on a grid make
-- many equally close pairs, so trim()'s java.util.Random(31183) breaks ties, in the batch's
-- partial histogram and in the merge of the state with it; x keeps the input's type (an INT,
-- a TINYINT: toByte of the bin's double, a DOUBLE); group c's d is always NULL: NULL.
CREATE SOURCE t (g STRING, n INT, d DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, count(*) AS c, histogram_numeric(n, 3) AS hn, histogram_numeric(d, 4) AS hd,
       histogram_numeric(CAST(n AS TINYINT), 2) AS hb, histogram_numeric(n, 5)
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');
