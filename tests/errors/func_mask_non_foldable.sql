-- expect: 5:32: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "mask(s, s, x, n, NULL)" due to data type mismatch: the input upperChar should be a foldable "STRING" expression; however, got "s".
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT mask(s, s) FROM events;
