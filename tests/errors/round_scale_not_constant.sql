-- expect: 5:36: [DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "round(2.5, n)" due to data type mismatch: the input scale should be a foldable "INT" expression; however, got "n".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT round(2.5D, n) FROM events;
