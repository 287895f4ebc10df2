-- expect: 5:45: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "histogram_numeric(b, 3)" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND") type, however "b" has the type "BOOLEAN".
CREATE SOURCE events (g STRING, n INT, b BOOLEAN, m DECIMAL(10,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT g, histogram_numeric(b, 3) FROM events GROUP BY g WITH (outputMode = 'complete');
