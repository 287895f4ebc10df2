-- expect: 4:27: [INVALID_TYPED_LITERAL] The value of the typed literal "TIMESTAMP" is invalid: 'now UTC'.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, TIMESTAMP 'now UTC' AS x FROM s;
