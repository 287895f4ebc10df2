-- expect: 5:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "negative(d)" due to data type mismatch: Parameter 1 requires the ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL") type, however "d" has the type "DATE".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT negative(d) FROM events;
