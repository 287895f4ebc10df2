-- from_json with JSONOptions' parser switches (Spark 3.5 JsonToStructs: JacksonParser with the
-- options' JsonFactory, FailureSafeParser in PERMISSIVE mode): `relaxed` reads comments,
-- unquoted names, leading zeros and any escaped character, but no NaN (allowNonNumericNumbers
-- = false: the unquoted NaN makes the text malformed, the string "NaN" is a bad DOUBLE); the
-- corrupt-record field holds the text as given. `quoted` refuses single quotes; `arr` reads an
-- ARRAY<STRUCT> schema (an object is the array of that struct) with two switches. A text
-- with only a comment has no token: NULL.
CREATE SOURCE s (value STRING) WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT r.a, r.b, r.d, r._corrupt_record, r IS NULL AS none
FROM (SELECT from_json(value, 'a INT, b STRING, d DOUBLE, _corrupt_record STRING',
                       map('allowComments', 'true', 'AllowUnquotedFieldNames', 'TRUE',
                           'allowNumericLeadingZeros', 'true',
                           'allowBackslashEscapingAnyCharacter', 'true',
                           'allowNonNumericNumbers', 'false')) AS r
      FROM s) WITH (name = 'relaxed');
INSERT INTO o
SELECT from_json(value, 'a INT, b STRING', map('allowSingleQuotes', 'false')) AS quoted,
       from_json(value, 'ARRAY<STRUCT<a: INT>>',
                 map('allowComments', 'true', 'allowNumericLeadingZeros', 'true')) AS arr
FROM s WITH (name = 'arr');
INSERT INTO o
SELECT schema_of_json('{a:1, /* c */ "b":[1.5, null], "c":null, "d":\'0.50\'}',
                      map('allowUnquotedFieldNames', 'true', 'allowComments', 'true',
                          'prefersDecimal', 'true', 'dropFieldIfAllNull', 'true')) AS schema
FROM s WHERE value LIKE '//%' WITH (name = 'schema');
