-- map_from_arrays(k, v) with arrays of different lengths: MapFromArrays fails with
-- QueryExecutionErrors.mapDataKeyArrayLengthDiffersFromValueArrayLengthError
-- (_LEGACY_ERROR_TEMP_2128, a legacy class, so its message has no "[class] " prefix).
CREATE SOURCE e (id INT, k ARRAY<INT>, v ARRAY<STRING>)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, map_from_arrays(k, v) AS m FROM e WITH (name = 'lengths');
