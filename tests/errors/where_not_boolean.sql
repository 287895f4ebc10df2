-- expect: 5:49: [DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve "action" due to data type mismatch: Filter expression "action" of type "STRING" is not a boolean.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WHERE action;
