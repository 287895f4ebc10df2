-- element_at(xs, 0): QueryExecutionErrors.invalidIndexOfZeroError, error class
-- INVALID_INDEX_OF_ZERO ("The index 0 is invalid. An index shall be either < 0 or > 0 (the
-- first element has index 1)."); element_at(NULL, 0) is NULL (the array is evaluated first).
CREATE SOURCE s (xs ARRAY<INT>, i INT) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT xs, i, element_at(xs, i) AS e FROM s;
