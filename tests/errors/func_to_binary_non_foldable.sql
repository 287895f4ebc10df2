-- expect: 5:37: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "to_binary(s, s)" due to data type mismatch: the input fmt should be a foldable "STRING" expression; however, got "s".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_binary(s, s) FROM events;
