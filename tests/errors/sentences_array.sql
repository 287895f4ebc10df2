-- expect: 5:34: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "sentences(array(s), , )" due to data type mismatch: Parameter 1 requires the "STRING" type, however "array(s)" has the type "ARRAY<STRING>".
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sentences(array(s)) FROM events;
