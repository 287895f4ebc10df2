-- csv with multiLine = true split across threads: a task is one or more whole files (a
-- quoted note runs over line ends, and over empty lines), as Spark reads each such file in
-- one partition (MultiLineCSVDataSource).  Seven files of distinct sizes; in a batch the
-- longest file is read first (FileSourceScanExec.createReadRDD), spark_partition_id() is
-- the file's place in that order.
CREATE SOURCE notes (id INT, city STRING, note STRING, amount INT)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true,
        multiLine = true);
CREATE SOURCE batched (id INT, city STRING, note STRING, amount INT)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', header = true,
        multiLine = true, maxFilesPerTrigger = 3);
CREATE SINK console WITH (connector = 'console', numRows = 100, truncate = false);
INSERT INTO console
  SELECT id, city, to_json(named_struct('note', note)) AS note, length(note) AS len, amount,
         spark_partition_id() AS part
  FROM notes WHERE amount % 4 <> 1 WITH (name = 'rows');
INSERT INTO console
  SELECT city, count(*) AS n, sum(amount) AS total, max(length(note)) AS longest,
         first(id) AS first_id, last(id) AS last_id
  FROM batched GROUP BY city WITH (name = 'cities', outputMode = 'update');
