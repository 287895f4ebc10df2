-- expect: 5:52: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "CASE WHEN (n > 0) THEN 1 WHEN action THEN 2 END" due to data type mismatch: Parameter 2 requires the "BOOLEAN" type, however "action" has the type "STRING".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE WHEN n > 0 THEN 1 WHEN action THEN 2 END FROM events;
