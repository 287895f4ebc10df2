-- percentile_approx's digests restored from the checkpoint: s1 reads one file (one batch), s2
-- and s3 restart on the state files and add one batch each.  Accuracies 10 and 25 compress
-- every few dozen values, so the state holds compressed summaries whose every (value, g,
-- delta) counts for the next merge: a restart must restore them exactly.  The DOUBLEs hold
-- NaN, -0.0 and 0.0 too.
CREATE SOURCE t (g STRING, n INT, d DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT g, count(*) AS c, percentile_approx(n, array(0.1, 0.5, 0.9), 10) AS pn,
       approx_percentile(d, 0.5, 25), percentile_approx(n, 0.3)
FROM t
GROUP BY g
ORDER BY g
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');
