-- expect: 13:24: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `actoin` cannot be resolved. Did you mean one of the following? [`action`, `n`, `time`].
-- expect: 13:32: [WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `lower` requires 1 parameters but the actual number is 2. Please, refer to 'https://spark.apache.org/docs/latest/sql-ref-functions.html' for a fix.
-- expect: 13:62: [DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve "action" due to data type mismatch: Filter expression "action" of type "STRING" is not a boolean.
-- expect: 14:34: unknown query option 'nmae' (did you mean 'name'?)
-- expect: 14:9: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets
-- expect: 15:13: unknown sink 'nowhere'
-- expect: 16:52: Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode
-- expect: 16:74: The limit expression must be an integer literal in sluice (Spark: must evaluate to a constant value)
-- expect: 16:24: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT actoin, lower(n, 1) FROM events WHERE action
  WITH (outputMode = 'complete', nmae = 'x');
INSERT INTO nowhere SELECT action FROM events;
INSERT INTO out SELECT DISTINCT action FROM events ORDER BY action LIMIT n;
