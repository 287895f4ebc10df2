-- expect: 5:38: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "overlay(s, s, flag, -1)" due to data type mismatch: Parameter 3 requires the "INT" type, however "flag" has the type "BOOLEAN".
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT overlay(s, s, flag) FROM events;
