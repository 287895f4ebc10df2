-- expect: 5:39: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "median(ok)" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH") type, however "ok" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, median(ok) FROM events GROUP BY action WITH (outputMode = 'update');
