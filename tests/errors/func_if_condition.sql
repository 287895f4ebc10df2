-- expect: 5:27: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "(IF(action, 1, 2))" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "action" has the type "STRING".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT if(action, 1, 2) FROM events;
