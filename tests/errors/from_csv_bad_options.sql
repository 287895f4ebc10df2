-- expect: 13:57: from_csv() doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.
-- expect: 14:28: from_csv option 'timestampFormat' is not supported yet
-- expect: 14:89: [INVALID_OPTIONS.NON_MAP_FUNCTION] Invalid options: Must use the `map()` function for options.
-- expect: 15:24: [INVALID_OPTIONS.NON_STRING_TYPE] Invalid options: A type of keys and values in `map()` must be string, but got "MAP<STRING, INT>".
-- expect: 15:82: [DUPLICATED_MAP_KEY] Duplicate map key sep was found, please check the input data. If you want to remove the duplicated keys, you can set "spark.sql.mapKeyDedupPolicy" to "LAST_WIN" so that the key inserted at last takes precedence.
-- expect: 16:35: Delimiter cannot be empty string
-- expect: 16:80: quote cannot be more than one character
-- expect: 17:36: from_csv's FAILFAST mode is not supported yet (PERMISSIVE is)
-- expect: 17:87: from_csv options other than string literals are not supported yet
-- expect: 18:35: sep '::' has more than one byte: the CSV functions take a single ASCII character (multi-character separators are not supported yet)
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_csv(j, 'x INT', map('mode', 'dropmalformed')) AS a,
  from_csv(j, 'x INT', map('timestampFormat', 'dd/MM/yyyy')) AS b, from_csv(j, 'x INT', 'sep') AS c,
  from_csv(j, 'x INT', map('sep', 1)) AS d, from_csv(j, 'x INT', map('sep', ';', 'sep', ',')) AS e,
  from_csv(j, 'x INT', map('sep', '')) AS f, from_csv(j, 'x INT', map('quote', 'ab')) AS g,
  from_csv(j, 'x INT', map('MODE', 'FailFast')) AS h, from_csv(j, 'x INT', map('sep', k)) AS i,
  from_csv(j, 'x INT', map('sep', '::')) AS l FROM events;
