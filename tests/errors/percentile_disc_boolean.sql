-- expect: 5:68: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile_disc(0.5) WITHIN GROUP (ORDER BY v DESC)" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH") type, however "flag" has the type "BOOLEAN".
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY flag DESC) FROM events GROUP BY s WITH (outputMode = 'complete');
