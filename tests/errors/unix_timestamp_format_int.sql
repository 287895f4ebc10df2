-- expect: 6:47: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "unix_timestamp(action, n)" due to data type mismatch: Parameter 2 requires the "STRING" type, however "n" has the type "INT".
-- expect: 6:69: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "to_unix_timestamp(a, yyyy-MM-dd HH:mm:ss)" due to data type mismatch: Parameter 1 requires the ("STRING" or "DATE" or "TIMESTAMP" or "TIMESTAMP_NTZ") type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT unix_timestamp(action, n), to_unix_timestamp(a) FROM events;
