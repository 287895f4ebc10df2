-- expect: 5:37: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "to_number(s, s)" due to data type mismatch: the input attributereference should be a foldable "STRING" expression; however, got "s".
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s, s) FROM events;
