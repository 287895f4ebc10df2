-- expect: 5:58: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "percentile_approx(n, 0.5, n)" due to data type mismatch: the input accuracy should be a foldable "INT" expression; however, got "n".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, 0.5, n) FROM events GROUP BY action WITH (outputMode = 'update');
