-- Escaped names and values (see test.conf).
CREATE SOURCE t WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM t WITH (name = 'strings');
