-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_ARRAY_DIFF_TYPES] Cannot resolve "array_except(a, n)" due to data type mismatch: Input to function `array_except` should have been two "ARRAY" with same element type, but it's ["ARRAY<INT>", "INT"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_except(a, n) FROM events;
