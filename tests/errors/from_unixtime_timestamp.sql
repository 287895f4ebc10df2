-- expect: 5:38: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "from_unixtime(time, yyyy-MM-dd HH:mm:ss)" due to data type mismatch: Parameter 1 requires the "BIGINT" type, however "time" has the type "TIMESTAMP".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_unixtime(time) FROM events;
