-- % and pmod of a DECIMAL(38,0) by a DECIMAL(5,2): DECIMAL(5,2) results; div is DECIMAL(38,0)
-- checked, then a BIGINT.
CREATE SOURCE events (a DECIMAL(38,0), b DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT a, b, a % b AS r, pmod(a, b) AS pm, a div b AS q FROM events;
