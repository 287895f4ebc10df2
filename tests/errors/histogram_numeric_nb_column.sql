-- expect: 5:48: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "histogram_numeric(n, n)" due to data type mismatch: the input nb should be a foldable "INT" expression; however, got "n".
CREATE SOURCE events (g STRING, n INT, b BOOLEAN, m DECIMAL(10,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT g, histogram_numeric(n, n) FROM events GROUP BY g WITH (outputMode = 'complete');
