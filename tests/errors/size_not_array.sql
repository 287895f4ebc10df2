-- expect: 5:29: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "size(action)" due to data type mismatch: Parameter 1 requires the ("ARRAY" or "MAP") type, however "action" has the type "STRING".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT size(action) FROM events;
