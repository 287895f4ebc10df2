-- slice(xs, s, n) (Slice.nullSafeEval): start 0 throws
-- QueryExecutionErrors.unexpectedValueForStartInFunctionError ("The value of parameter(s)
-- `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got
-- 0."); a length past the end is cut ([2, 3]), a length of 0 gives [], a NULL array NULL.
CREATE SOURCE s (xs ARRAY<INT>, s INT, n INT) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT xs, s, n, slice(xs, s, n) AS sl FROM s;
