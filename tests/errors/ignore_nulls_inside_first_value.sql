-- expect: 5:46: syntax error: 'first_value' does not take IGNORE NULLS inside its parentheses (only FIRST, LAST and ANY_VALUE(x IGNORE NULLS) do; write first_value(...) IGNORE NULLS)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, first_value(n IGNORE NULLS) FROM events GROUP BY action WITH (outputMode = 'update');
