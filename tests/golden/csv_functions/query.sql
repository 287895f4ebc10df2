-- from_csv (Spark's CsvToStructs, PERMISSIVE): fields by position as the CSV source reads a
-- record; a field that does not convert, too few or too many fields make the record
-- malformed: the fields that converted are kept, the corrupt-record field holds the text.
-- No trimming when reading: ' 6 ' is no INT, ' 7 ' is a DOUBLE (Double.parseDouble trims).
CREATE SOURCE s (value STRING) WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT value, from_csv(value, 'a INT, b DOUBLE, s STRING, ok BOOLEAN, _corrupt_record STRING')
FROM s WITH (name = 'parsed');
-- to_csv (StructsToCsv): the CSV sink's writer: quotes around a value with the separator, the
-- quote, a line break or a leading '#' (univocity's comment character), the quote escaped by
-- the escape character, leading and trailing whitespace trimmed, "" for an empty string, an
-- empty field for NULL; then with other options.
INSERT INTO o
SELECT to_csv(named_struct('v', value, 'z', CAST(NULL AS INT))) AS dflt,
       to_csv(named_struct('v', value, 'w', 'x;y'),
              map('sep', ';', 'quote', '~', 'escape', '!', 'ignoreTrailingWhiteSpace', 'false')) AS opts
FROM s WITH (name = 'written');
-- Values as the writer prints them, and the schema functions (folded into constants).
INSERT INTO o
SELECT to_csv(named_struct('i', 1, 'd', 1e10, 'dec', 0.1, 'f', CAST(1.5 AS FLOAT),
                           'dt', DATE '2024-02-29', 'ts', TIMESTAMP '2024-02-29 13:45:06.789',
                           'b', true, 'big', 12345678901)) AS typed,
       schema_of_csv('1,abc') AS c1,
       schema_of_csv('2147483648,1.5,1e3,2020-02-30,2020-02-29,"a,b",,TRUE,12345678901234567890') AS c2,
       schema_of_csv('1|2020-01-01 10:00:00|x', map('sep', '|')) AS c3
FROM s WHERE value = '#note' WITH (name = 'values');
INSERT INTO o
SELECT schema_of_json('[{"col":0}]') AS j1,
       schema_of_json('{"b": 1.5, "a": [1, 2.5], "c": {"x": null}, "": 1, "d": {}, "e": "", "f": 12345678901234567890, "1": true}') AS j2,
       schema_of_json('1') AS j3, schema_of_json('') AS j4, schema_of_json('[]') AS j5,
       schema_of_json('{}') AS j6, schema_of_json('[{}]') AS j7, schema_of_json('null') AS j8,
       schema_of_json('[[1], ["a"]]') AS j9,
       from_json('{"a": 5, "b": [1]}', schema_of_json('{"a": 0, "b": [0]}')) AS fj
FROM s WHERE value = '#note' WITH (name = 'schemas');
