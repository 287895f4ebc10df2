-- expect: 4:25: [INVALID_TYPED_LITERAL] The value of the typed literal "TIMESTAMP_NTZ" is invalid: 'today Mars/Base'.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k, TIMESTAMP_NTZ 'today Mars/Base' AS x FROM s;
