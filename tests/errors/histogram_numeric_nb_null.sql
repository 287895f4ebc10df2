-- expect: 5:48: [DATATYPE_MISMATCH.UNEXPECTED_NULL] Cannot resolve "histogram_numeric(n, NULL)" due to data type mismatch: The nb must not be null.
CREATE SOURCE events (g STRING, n INT, b BOOLEAN, m DECIMAL(10,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT g, histogram_numeric(n, NULL) FROM events GROUP BY g WITH (outputMode = 'complete');
