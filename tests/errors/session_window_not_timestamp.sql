-- expect: 6:76: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "sessionwindow(n, 5 minutes)" due to data type mismatch: Parameter 1 requires the ("(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" or "STRUCT<start: TIMESTAMP, end: TIMESTAMP>" or "STRUCT<start: TIMESTAMP_NTZ, end: TIMESTAMP_NTZ>") type, however "n" has the type "INT".
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, n INT, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events GROUP BY user_id, session_window(n, '5 minutes')
WITH (outputMode = 'complete');
