-- expect: 12:39: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "schema_of_json(j)" due to data type mismatch: the input json should be a foldable "STRING" expression; however, got "j".
-- expect: 12:62: [DATATYPE_MISMATCH.UNEXPECTED_NULL] Cannot resolve "schema_of_csv(NULL)" due to data type mismatch: The csv must not be null.
-- expect: 12:89: schema_of_json: the input is not valid JSON (Spark fails with Jackson's parse error)
-- expect: 13:27: schema_of_json option 'inferTimestamp' is not supported yet
-- expect: 13:74: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "schema_of_csv(1)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "1" has the type "INT".
-- expect: 14:17: assertion failed: Parsed CSV record should not be null.
-- expect: 14:41: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "schema_of_csv(upper(k))" due to data type mismatch: the input csv should be a foldable "STRING" expression; however, got "upper(k)".
-- expect: 14:72: schema_of_json of a constant expression other than a string literal is not supported yet
-- expect: 15:33: Delimiter cannot be empty string
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT schema_of_json(j) AS a, schema_of_csv(NULL) AS b, schema_of_json('{"a":') AS c,
  schema_of_json('1', map('inferTimestamp', 'true')) AS d, schema_of_csv(1) AS e,
  schema_of_csv('') AS f, schema_of_csv(upper(k)) AS g, schema_of_json(concat('{', '}')) AS h,
  schema_of_csv('a', map('sep', '')) AS i FROM events;
