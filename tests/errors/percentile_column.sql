-- expect: 5:46: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "percentile(n, n, 1)" due to data type mismatch: the input percentage should be a foldable "DOUBLE" expression; however, got "n".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, n) FROM events GROUP BY action WITH (outputMode = 'update');
