-- The sign of zero in from_json's DOUBLE and FLOAT fields: an integer token -0 is +0.0.
CREATE SOURCE lines WITH (connector = 'files', path = 'data/text', format = 'text');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT value, from_json(value, 'd DOUBLE, f FLOAT') AS r
FROM lines;
