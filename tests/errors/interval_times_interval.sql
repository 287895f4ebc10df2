-- expect: 5:24: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "(INTERVAL '1' DAY * INTERVAL '02' HOUR)" due to data type mismatch: Parameter 2 requires the "NUMERIC" type, however "INTERVAL '02' HOUR" has the type "INTERVAL HOUR".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT INTERVAL '1' DAY * INTERVAL '2' HOUR AS x FROM events;
