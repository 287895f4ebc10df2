-- expect: 5:51: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile(n, 0.5, d)" due to data type mismatch: Parameter 3 requires the "INTEGRAL" type, however "d" has the type "DOUBLE".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, 0.5, d) FROM events GROUP BY action WITH (outputMode = 'update');
