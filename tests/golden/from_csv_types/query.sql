-- from_csv of every type the CSV source reads (Spark's UnivocityParser: Java's parseByte ...
-- parseLong, Float.parseFloat, Decimal(bd, p, s) with HALF_UP rounding to the scale and NULL
-- past the precision, dates and timestamps with Spark's lenient fallback), NULL for a NULL
-- input, all fields NULL for empty text, then the quote and escape options and a schema of
-- more fields than the record parser reads inline.
CREATE SOURCE s (value STRING) WITH (connector = 'files', path = 'data/events', format = 'text');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT value,
       from_csv(CASE WHEN value = 'null' THEN NULL ELSE value END,
                't TINYINT, sm SMALLINT, big BIGINT, f FLOAT, dec DECIMAL(5,2), d DATE, ts TIMESTAMP',
                map('sep', ';')) AS r
FROM s WHERE value NOT LIKE '%,%' WITH (name = 'types');
INSERT INTO o
SELECT value, from_csv(value, 'x STRING, y STRING, z STRING', map('quote', '')) AS unquoted,
       from_csv(value, 'x STRING, y STRING, z STRING', map('escape', '"')) AS doubled
FROM s WHERE value LIKE '"%' WITH (name = 'quotes');
INSERT INTO o
SELECT from_csv(value, 'c1 INT, c2 INT, c3 INT, c4 INT, c5 INT, c6 INT, c7 INT, c8 INT, c9 INT,
                        c10 INT, c11 INT, c12 INT, c13 INT, c14 INT, c15 INT, c16 INT, c17 INT,
                        c18 INT, _corrupt_record STRING') AS wide
FROM s WHERE value LIKE '1,2,%' WITH (name = 'wide');
