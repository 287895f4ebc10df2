-- expect: 5:49: [DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve "(n + 1)" due to data type mismatch: Filter expression "(n + 1)" of type "INT" is not a boolean.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WHERE n + 1;
