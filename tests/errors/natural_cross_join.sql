-- expect: 4:15: [UNSUPPORTED_FEATURE.NATURAL_CROSS_JOIN] The feature is not supported: NATURAL CROSS JOIN.
CREATE TABLE a (k INT, v STRING) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (k INT, w STRING) WITH (connector = 'files', path = 'data/b', format = 'json');
SELECT * FROM a NATURAL CROSS JOIN b;
