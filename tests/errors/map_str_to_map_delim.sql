-- expect: 5:22: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "str_to_map(s, s, :)" due to data type mismatch: the input pairDelim should be a foldable "STRING" expression; however, got "s".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT str_to_map(s, s) FROM e;
