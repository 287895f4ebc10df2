-- expect: 5:46: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile(n, array(0.25, NULL), 1)" due to data type mismatch: Parameter 2 requires the "ARRAY<DOUBLE>" type, however "array(0.25, NULL)" has the type "ARRAY<DECIMAL(2,2)>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, array(0.25, NULL)) FROM events GROUP BY action WITH (outputMode = 'update');
