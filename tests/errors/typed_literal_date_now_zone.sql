-- expect: 4:25: [INVALID_TYPED_LITERAL] The value of the typed literal "DATE" is invalid: 'now Europe/Paris'.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k, DATE 'now Europe/Paris' AS x FROM s;
