-- Seed 003: activity counts per gt in complete mode, the schema inferred from the files
-- present at build time (Spark's spark.sql.streaming.schemaInference); one file a batch.
CREATE SOURCE activity WITH (connector = 'files', path = 'data/activity', format = 'json',
  inferSchema = true, maxFilesPerTrigger = 1);
CREATE SINK activity_counts WITH (connector = 'console');
INSERT INTO activity_counts
SELECT gt, count(*) AS count FROM activity GROUP BY gt ORDER BY gt
WITH (name = 'activity_counts', outputMode = 'complete');
