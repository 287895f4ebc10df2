-- expect: 5:48: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "histogram_numeric(n, 1)" due to data type mismatch: The nb must be between [2, 2147483647] (current value = 1).
CREATE SOURCE events (g STRING, n INT, b BOOLEAN, m DECIMAL(10,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT g, histogram_numeric(n, 1) FROM events GROUP BY g WITH (outputMode = 'complete');
