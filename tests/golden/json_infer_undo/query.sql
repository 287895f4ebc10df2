-- A malformed record is undone from the inferred schema (see test.conf).
CREATE SOURCE t WITH (connector = 'files', path = 'data/json', format = 'json', inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT a, b, s, _corrupt_record FROM t WITH (name = 'undo');
