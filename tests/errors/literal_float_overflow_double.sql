-- expect: 4:24: [INVALID_NUMERIC_LITERAL_RANGE] Numeric literal 1e999 is outside the valid range for float with minimum value of -3.4028234663852886E+38 and maximum value of 3.4028234663852886E+38. Please adjust the value accordingly.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT 1e999f FROM s;
