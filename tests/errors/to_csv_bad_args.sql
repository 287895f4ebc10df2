-- expect: 9:31: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "to_csv(j)" due to data type mismatch: Parameter 1 requires the "STRUCT" type, however "j" has the type "STRING".
-- expect: 9:47: to_csv of a struct with a field of type ARRAY<INT> ('a') is not supported yet
-- expect: 10:34: to_csv with an empty quote (no quote character) is not supported yet
-- expect: 10:94: ignoreLeadingWhiteSpace flag can be true or false.
-- expect: 11:25: to_csv option 'nullValue' is not supported yet
-- expect: 11:82: escape 'é' has more than one byte: the CSV functions take a single ASCII character (multi-character separators are not supported yet)
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_csv(j) AS a, to_csv(named_struct('a', array(n))) AS b,
  to_csv(struct(j), map('quote', '')) AS c, to_csv(struct(j), map('ignoreLeadingWhiteSpace', 'yes')) AS d,
  to_csv(struct(j), map('nullValue', '-')) AS e, to_csv(struct(j), map('escape', 'é')) AS f FROM events;
