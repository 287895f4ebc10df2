-- expect: 5:36: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "regr_sxx(n, time)" due to data type mismatch: Parameter 2 requires the "DOUBLE" type, however "time" has the type "TIMESTAMP".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regr_sxx(n, time) FROM events WITH (outputMode = 'complete');
