-- expect: 5:50: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile_approx((time > time), 0.5, 10000)" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND") type, however "(time > time)" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(time > time, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
