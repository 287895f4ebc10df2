-- expect: 5:34: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "bround(x, n)" due to data type mismatch: the input scale should be a foldable "INT" expression; however, got "n".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT bround(x, n) FROM events;
