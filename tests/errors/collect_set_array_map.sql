-- expect: 6:32: [DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT] Cannot resolve "collect_set(tags)" due to data type mismatch: collect_set() cannot have map type data.
-- CollectSet.checkInputDataTypes: no MAP anywhere in the value's type (existsRecursively).
CREATE SOURCE events (action STRING, tags ARRAY<STRUCT<a: INT, m: MAP<STRING, INT>>>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, collect_set(tags) FROM events GROUP BY action WITH (outputMode = 'update');
