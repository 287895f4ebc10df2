-- expect: 5:58: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile_approx(n, 0.5, 1.5)" due to data type mismatch: Parameter 3 requires the "INTEGRAL" type, however "1.5" has the type "DECIMAL(2,1)".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, 0.5, 1.5) FROM events GROUP BY action WITH (outputMode = 'update');
