-- expect: 5:46: [DATATYPE_MISMATCH.UNEXPECTED_NULL] Cannot resolve "percentile(n, abc, 1)" due to data type mismatch: The percentage must not be null.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, 'abc') FROM events GROUP BY action WITH (outputMode = 'complete');
