-- expect: 10:46: [INVALID_OPTIONS.NON_MAP_FUNCTION] Invalid options: Must use the `map()` function for options.
-- expect: 11:46: [INVALID_OPTIONS.NON_STRING_TYPE] Invalid options: A type of keys and values in `map()` must be string, but got "MAP<STRING, INT>".
-- expect: 12:58: from_json() doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.
-- expect: 13:37: The field for corrupt records must be string type and nullable
-- expect: 14:88: The field for corrupt records must be string type and nullable
-- expect: 15:58: Invalid options: the keys and values of `map()` must be constant strings, not NULL
-- expect: 16:50: from_json option 'timeZone' = 'UTC' is not supported yet
CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_json(j, 'a INT', named_struct('mode', 'PERMISSIVE')) AS s FROM events;
INSERT INTO out SELECT from_json(j, 'a INT', map('mode', 1)) AS s FROM events;
INSERT INTO out SELECT from_json(j, 'a INT', map('mode', 'dropMalformed')) AS s FROM events;
INSERT INTO out SELECT from_json(j, 'a INT, _corrupt_record INT') AS s FROM events;
INSERT INTO out SELECT from_json(j, 'a INT, bad INT', map('columnNameOfCorruptRecord', 'bad')) AS s FROM events;
INSERT INTO out SELECT from_json(j, 'a INT', map('mode', k)) AS s FROM events;
INSERT INTO out SELECT from_json(j, 'a INT', map('TIMEZONE', 'UTC')) AS s FROM events;
