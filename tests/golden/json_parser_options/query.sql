-- JSONOptions' parser switches (Jackson 2.15's JsonReadFeatures as Spark 3.5 sets them):
-- `strict` reads the lines with Spark's defaults (comments, unquoted names, leading zeros,
-- unknown escapes and raw control characters malformed; single quotes allowed); `relaxed`
-- turns each switch the other way, so lines 1-5 are good, the comment line is no record
-- and the single-quoted value is malformed (its corrupt record the line as written);
-- `dropped` keeps only what allowComments alone makes good; `inferred` infers the schema
-- of the lines as `relaxed` reads them, numbers as strings (primitivesAsString).
CREATE SOURCE strict (id INT, v STRING, n BIGINT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SOURCE relaxed (id INT, v STRING, n BIGINT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json', allowComments = 'true',
        allowUnquotedFieldNames = 'true', allowNumericLeadingZeros = 'true',
        allowBackslashEscapingAnyCharacter = 'true', allowUnquotedControlChars = 'true',
        allowSingleQuotes = 'false');
CREATE SOURCE dropped (id INT, v STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json', allowComments = 'TRUE',
        mode = 'DROPMALFORMED');
CREATE SOURCE inferred
  WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = 'true',
        primitivesAsString = 'true', allowComments = 'true', allowUnquotedFieldNames = 'true',
        allowNumericLeadingZeros = 'true', allowBackslashEscapingAnyCharacter = 'true',
        allowUnquotedControlChars = 'true', allowSingleQuotes = 'false');
CREATE SINK console WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO console SELECT * FROM strict WITH (name = 'strict');
INSERT INTO console SELECT id, v, length(v) AS len, n, _corrupt_record FROM relaxed
  WITH (name = 'relaxed');
INSERT INTO console SELECT * FROM dropped WITH (name = 'dropped');
INSERT INTO console SELECT * FROM inferred WITH (name = 'inferred');
