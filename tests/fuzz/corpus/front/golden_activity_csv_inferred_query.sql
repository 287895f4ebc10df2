-- Activity readings as CSV with a header line; the schema inferred from the files as
-- Spark's CSVInferSchema does (Index fits an int, the times need a bigint, an empty gt is null).
CREATE SOURCE readings WITH (connector = 'files', path = 'data/activity', format = 'csv',
  header = true, inferSchema = true);
CREATE SINK per_model WITH (connector = 'console');
INSERT INTO per_model
SELECT Model, count(*) AS readings, count(gt) AS labelled, max(Index) AS last_index,
       min(Arrival_Time) AS first_arrival
FROM readings GROUP BY Model ORDER BY Model
WITH (name = 'per_model', outputMode = 'complete');
