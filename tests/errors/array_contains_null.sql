-- expect: 5:43: Null typed values cannot be used as arguments of `array_contains`
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, xs ARRAY<INT>, ss ARRAY<STRING>, b BIGINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT array_contains(xs, NULL) FROM events;
