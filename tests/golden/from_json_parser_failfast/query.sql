-- from_json with parser switches and mode FAILFAST: the string "NaN" is no DOUBLE when
-- allowNonNumericNumbers = false, so FailureSafeParser throws MALFORMED_RECORD_IN_PARSING
-- naming the partial row PERMISSIVE would give: a = 1 (unquoted name and comment allowed),
-- d null, the text as given (not its normal form) in the corrupt-record field.
CREATE SOURCE s (value STRING) WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT from_json(value, 'a INT, d DOUBLE, _corrupt_record STRING',
                 map('mode', 'FAILFAST', 'allowUnquotedFieldNames', 'true',
                     'allowComments', 'true', 'allowNonNumericNumbers', 'false')) AS r
FROM s WITH (name = 'strict');
