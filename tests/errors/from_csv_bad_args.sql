-- expect: 10:36: [INVALID_SCHEMA.NON_STRUCT_TYPE] The input schema "array<int>" is not a valid schema string. The input expression should be evaluated to struct type, but got "ARRAY<INT>".
-- expect: 10:68: [INVALID_SCHEMA.NON_STRING_LITERAL] The input schema "k" is not a valid schema string. The input expression must be string literal and not null.
-- expect: 10:86: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "from_csv(n)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "n" has the type "INT".
-- expect: 11:15: from_csv: field 'x' is ARRAY<INT>: a CSV field is one atomic value
-- expect: 11:49: from_csv of a field of type BINARY ('x') is not supported yet
-- expect: 12:15: The field for corrupt records must be string type and nullable
-- expect: 12:63: from_csv: cannot parse the schema 'x INT,': syntax error: unexpected ')', expected identifier
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_csv(j, 'array<int>') AS a, from_csv(j, k) AS b, from_csv(n, 'x INT') AS c,
  from_csv(j, 'x ARRAY<INT>') AS d, from_csv(j, 'x BINARY') AS e,
  from_csv(j, 'x INT, _corrupt_record INT') AS f, from_csv(j, 'x INT,') AS g FROM events;
