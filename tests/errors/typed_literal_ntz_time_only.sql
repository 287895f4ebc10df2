-- expect: 4:27: [INVALID_TYPED_LITERAL] The value of the typed literal "TIMESTAMP_NTZ" is invalid: '10:00'.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, timestamp_ntz '10:00' AS x FROM s;
