-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "coalesce(time, true)" due to data type mismatch: Input to `coalesce` should all be the same type, but it's ("TIMESTAMP" or "BOOLEAN").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT ifnull(time, true) FROM events;
