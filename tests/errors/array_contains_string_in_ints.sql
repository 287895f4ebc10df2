-- expect: 5:24: Input to `array_contains` should have been "ARRAY" followed by a value with same element type, but it's ["ARRAY<INT>", "STRING"]
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_contains(xs, action) FROM events;
