-- expect: 5:53: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "percentile_approx(n, n, 10000)" due to data type mismatch: the input percentage should be a foldable "DOUBLE" expression; however, got "n".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, n) FROM events GROUP BY action WITH (outputMode = 'update');
