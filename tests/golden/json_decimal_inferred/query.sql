-- Integers beyond 64 bits: decimal columns, read without rounding (see test.conf).
CREATE SOURCE t WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT id, big, n, big + 1 AS next FROM t WITH (name = 'decimals');
