-- expect: 5:61: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "window(n, 3600000000, 3600000000, 0)" due to data type mismatch: Parameter 1 requires the ("(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" or "STRUCT<start: TIMESTAMP, end: TIMESTAMP>" or "STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>") type, however "n" has the type "INT".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(n, '1 hour') WITH (outputMode = 'complete');
