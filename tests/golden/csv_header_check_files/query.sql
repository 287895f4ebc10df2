-- enforceSchema = false over several files: batch 0 reads a.csv; batch 1 takes b.csv and
-- c.csv, reads b.csv first (the larger, as Spark orders a scan's splits) and fails at
-- c.csv's header (`nom` is not `name`): the batch is not committed and its sink writes
-- nothing, so only batch 0's part file is there.
CREATE SOURCE src (id INT, name STRING)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true,
        enforceSchema = false);
CREATE SINK out WITH (connector = 'files', path = 'out', format = 'csv');
INSERT INTO out SELECT id, name FROM src WITH (checkpointLocation = 'chk');
