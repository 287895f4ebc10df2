-- expect: 6:28: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "window_time(time)" due to data type mismatch: Parameter 1 requires the "STRUCT" type, however "time" has the type "TIMESTAMP".
CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, window_time(time) AS t FROM events;
