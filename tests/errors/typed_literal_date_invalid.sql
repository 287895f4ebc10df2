-- expect: 4:27: [INVALID_TYPED_LITERAL] The value of the typed literal "DATE" is invalid: '2024-13-01'.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, DATE '2024-13-01' AS x FROM s;
