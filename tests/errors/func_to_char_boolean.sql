-- expect: 5:32: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "to_char(flag, 9)" due to data type mismatch: Parameter 1 requires the "DECIMAL" type, however "flag" has the type "BOOLEAN".
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_char(flag, '9') FROM events;
