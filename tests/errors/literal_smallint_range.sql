-- expect: 4:24: [INVALID_NUMERIC_LITERAL_RANGE] Numeric literal -32769 is outside the valid range for smallint with minimum value of -32768 and maximum value of 32767. Please adjust the value accordingly.
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT -32769S FROM s;
