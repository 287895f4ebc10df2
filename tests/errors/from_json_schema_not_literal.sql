-- expect: 4:37: [INVALID_SCHEMA.NON_STRING_LITERAL] The input schema "k" is not a valid schema string. The input expression must be string literal and not null.
CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_json(j, k) AS s FROM events;
