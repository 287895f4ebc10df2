-- expect: 6:39: Negative scale is not allowed: -2. You can use spark.sql.legacy.allowNegativeScaleOfDecimal=true to enable legacy mode to allow it.
-- expect: 7:76: For input string: "yes"
-- expect: 8:81: schema_of_json: the input is not valid JSON (Spark fails with Jackson's parse error)
CREATE SOURCE events (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT schema_of_json('{"a":1.5E+3}', map('prefersDecimal', 'true')) AS a,
  schema_of_json('{"a":1}', map('prefersDecimal', 'true', 'allowComments', 'yes')) AS b,
  schema_of_json('{"a":1}', map('prefersDecimal', 'true')) AS c, schema_of_json('{"a":NaN}', map('prefersDecimal', 'true')) AS d FROM events;
