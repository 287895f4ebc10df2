-- expect: 5:31: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "map_keys(array(1))" due to data type mismatch: Parameter 1 requires the "MAP" type, however "array(1)" has the type "ARRAY<INT>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_keys(array(1)) FROM e;
