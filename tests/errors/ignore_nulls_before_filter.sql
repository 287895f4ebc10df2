-- expect: 5:54: syntax error: unexpected FILTER (FILTER is a reserved word: write `filter` to use it as a name)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, first(n) IGNORE NULLS FILTER (WHERE n > 1) FROM events GROUP BY action WITH (outputMode = 'update');
