-- expect: 5:22: [DATATYPE_MISMATCH.TYPE_CHECK_FAILURE_WITH_HINT] Cannot resolve "collect_set(m)" due to data type mismatch: collect_set() cannot have map type data.
-- CollectSet.checkInputDataTypes refuses a value holding a MAP (it hashes the values).
CREATE SOURCE e (a INT, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT collect_set(m) FROM e GROUP BY a WITH (outputMode = 'complete');
