-- expect: 5:34: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "unix_date(time)" due to data type mismatch: Parameter 1 requires the "DATE" type, however "time" has the type "TIMESTAMP".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT unix_date(time) FROM events;
