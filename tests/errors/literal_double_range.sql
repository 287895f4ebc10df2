-- expect: 4:24: [INVALID_NUMERIC_LITERAL_RANGE] Numeric literal -1e400 is outside the valid range for double with minimum value of -1.7976931348623157E+308 and maximum value of 1.7976931348623157E+308. Please adjust the value accordingly.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT -1e400 FROM s;
