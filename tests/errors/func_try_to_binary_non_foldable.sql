-- expect: 5:41: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "to_binary(s, n)" due to data type mismatch: the input fmt should be a foldable "STRING" expression; however, got "CAST(n AS STRING)".
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_to_binary(s, n) FROM events;
