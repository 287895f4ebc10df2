-- expect: 5:40: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "percentile_disc(n) WITHIN GROUP (ORDER BY v)" due to data type mismatch: the input percentage should be a foldable "DOUBLE" expression; however, got "n".
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT percentile_disc(n) WITHIN GROUP (ORDER BY n) FROM events GROUP BY s WITH (outputMode = 'complete');
