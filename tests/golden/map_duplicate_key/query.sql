-- map(0.0D, 'b', d, 'a') (CreateMap through ArrayBasedMapBuilder): FLOAT and DOUBLE keys are
-- normalised (NormalizeFloatingNumbers), so -0.0 and 0.0 are one key, and
-- spark.sql.mapKeyDedupPolicy EXCEPTION (the default) fails the query at the second put with
-- QueryExecutionErrors.duplicateMapKeyFoundError(key): that key as given (not normalised),
-- Double.toString "-0.0".  The first row's map is fine; the second fails batch 0, so nothing
-- is shown.
CREATE SOURCE e (id INT, d DOUBLE)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, map(0.0D, 'b', d, 'a') AS m FROM e WITH (name = 'dup');
