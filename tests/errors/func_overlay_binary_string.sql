-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "overlay(encode(s, UTF-8), s, 1, -1)" due to data type mismatch: Input to `overlay` should all be the same type, but it's ("BINARY" or "STRING").
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT overlay(encode(s, 'UTF-8') PLACING s FROM 1) FROM events;
