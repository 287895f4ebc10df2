-- expect: 5:43: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile(ok, 0.5, 1)" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH") type, however "ok" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(ok, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
