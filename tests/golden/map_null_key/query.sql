-- map(s, id) with s NULL: ArrayBasedMapBuilder.put refuses a NULL key
-- (QueryExecutionErrors.nullAsMapKeyNotAllowedError: [NULL_MAP_KEY]).
CREATE SOURCE e (id INT, s STRING)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, map(s, id) AS m FROM e WITH (name = 'nullkey');
