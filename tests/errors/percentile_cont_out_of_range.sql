-- expect: 5:40: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "percentile_cont(1.5) WITHIN GROUP (ORDER BY v)" due to data type mismatch: The percentage must be between [0.0, 1.0] (current value = 1.5D).
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY n) FROM events GROUP BY s WITH (outputMode = 'complete');
